package com.kt.eventmarketing.participation.verification;

import com.kt.eventmarketing.events.persistence.EventRowRepository;
import com.kt.eventmarketing.gateway.security.CurrentOwner;
import com.kt.eventmarketing.gateway.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The owner's participation options of one event (others' events are 404); the public side sees a change within seconds. */
@RestController
@RequestMapping("/api/v1/events/{id}/participation-settings")
@Tag(name = "Participation (owner)")
public class ParticipationSettingsController {
    private final EventRowRepository events;
    private final ParticipationSettings settings;

    public ParticipationSettingsController(EventRowRepository events, ParticipationSettings settings) {
        this.events = events;
        this.settings = settings;
    }

    /** {@code phoneVerification} is an Object so a missing or non-boolean value is a 400 naming the field. */
    public record SettingsRequest(Object phoneVerification) {
    }

    @GetMapping
    @Operation(summary = "Participation options: phoneVerification (SMS code before entering; off by default)")
    public ParticipationSettings.Settings get(@PathVariable long id) {
        owned(id);
        return settings.of(id);
    }

    @PutMapping
    @Operation(summary = "Turn phone verification by SMS code on or off for this event")
    public ParticipationSettings.Settings put(@PathVariable long id, @RequestBody(required = false) SettingsRequest body) {
        owned(id);
        if (body == null || !(body.phoneVerification() instanceof Boolean on)) {
            throw ApiException.badField("phoneVerification", "type", "must be true or false");
        }
        return settings.save(id, new ParticipationSettings.Settings(on));
    }

    private void owned(long id) {
        events.findByIdAndOwnerId(id, CurrentOwner.id()).orElseThrow(() -> ApiException.notFound("event " + id));
    }
}
