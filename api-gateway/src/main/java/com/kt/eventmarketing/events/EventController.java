package com.kt.eventmarketing.events;

import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.gateway.security.CurrentOwner;
import com.kt.eventmarketing.gateway.web.Paging;
import com.kt.eventmarketing.participation.AutoDraw;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.stream.Collectors;

@RestController
@Validated
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "The owner's event creation flow, driven through its Temporal workflow")
public class EventController {
    private final EventService events;
    private final EventProperties limits;

    public EventController(EventService events, EventProperties limits) {
        this.events = events;
        this.limits = limits;
    }

    @PostMapping
    @Operation(summary = "Start an event for a purpose; AI planning runs in the background (202)",
            description = "The 202 does not wait for the workflow service: the event's workflow is started right after "
                    + "it (GET shows `starting: true` until then, and changes answer 503 with Retry-After), also when "
                    + "the workflow service is briefly unavailable.")
    public ResponseEntity<EventViews.Created> create(@Valid @RequestBody EventRequests.Create request) {
        EventViews.Created created = events.create(CurrentOwner.id(), request.objective());
        return ResponseEntity.accepted().location(URI.create("/api/v1/events/" + created.eventId())).body(created);
    }

    @GetMapping
    public EventViews.Page<EventViews.Summary> list(@RequestParam(required = false) EventStatus status,
                                                    @RequestParam(required = false) EventObjective objective,
                                                    @RequestParam(required = false) String keyword,
                                                    @RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "20") int size) {
        return events.list(CurrentOwner.id(), status, objective, keyword, Paging.of(page, size, 1, 100));
    }

    @GetMapping("/dashboard")
    @Operation(summary = "ACTIVE, APPROVED and ENDED events, at most 5 each, newest first")
    public EventViews.Dashboard dashboard() {
        return events.dashboard(CurrentOwner.id());
    }

    @GetMapping("/{id}")
    @Operation(summary = "The event with its workflow step and everything chosen so far")
    public EventViews.Detail detail(@PathVariable long id) {
        return events.detail(CurrentOwner.id(), id);
    }

    @GetMapping("/{id}/recommendations")
    public EventViews.Recommendations recommendations(@PathVariable long id) {
        return events.recommendations(CurrentOwner.id(), id);
    }

    @PutMapping("/{id}/recommendation")
    @Operation(summary = "Pick one of the three recommendations, optionally editing title, prize and participation method")
    public EventViews.Detail selectRecommendation(@PathVariable long id, @Valid @RequestBody EventRequests.SelectRecommendation body) {
        var choice = new RecommendationChoice(body.index(), body.title(), body.prize(), body.participationMethod());
        return events.change(CurrentOwner.id(), id, wf -> wf.selectRecommendation(choice));
    }

    @GetMapping("/{id}/images")
    @Operation(summary = "The style previews: one square (1080×1080) image per style, SIMPLE, FANCY and TRENDY",
            description = "Changed: events created before the poster pipeline listed nine images (3 styles × 3 platforms, "
                    + "with `platform`); now `images` holds three previews without `platform`, the owner chooses a look. "
                    + "After PUT /content the picked style's entry is its re-drawn preview (a new `imageId`, also "
                    + "`selectedImageId`); earlier ids and URLs keep working. Channel-sized posters are drawn at approval "
                    + "and listed per channel (`imageUrl`) in GET /{id}/distribution.")
    public EventViews.Images images(@PathVariable long id) {
        return events.images(CurrentOwner.id(), id);
    }

    @PostMapping("/{id}/images/regenerate")
    @Operation(summary = "Draw the three style previews again (new image ids; the pick is cleared)")
    public EventViews.Detail regenerateImages(@PathVariable long id) {
        return events.change(CurrentOwner.id(), id, EventCreationWorkflow::regenerateImages);
    }

    @PutMapping("/{id}/content")
    @Operation(summary = "Pick a style preview and set the texts and colours; the preview is re-drawn with them",
            description = "`imageId` is any preview id shown for this set (the original or a re-drawn one). The answer's "
                    + "`imageId`/`imageUrl` are the re-drawn preview, with the title, prize, guide and colours fitted and "
                    + "kept readable (WCAG AA) over the style's art and the QR code of `/e/{id}?via=STORE_VISIT`.")
    public EventViews.Detail content(@PathVariable long id, @Valid @RequestBody EventRequests.Content body) {
        var choice = new ContentChoice(body.imageId(), body.title().trim(), body.prize().trim(), body.guide().trim(),
                new Colors(body.colors().background(), body.colors().text(), body.colors().accent()));
        return events.change(CurrentOwner.id(), id, wf -> wf.editContent(choice));
    }

    @PutMapping("/{id}/channels")
    @Operation(summary = "Choose at least one channel with its settings, and the event period")
    public EventViews.Detail channels(@PathVariable long id, @Valid @RequestBody EventRequests.Channels body) {
        AutoDraw autoDraw = ChannelRequestCheck.check(body, Instant.now(), limits);
        var choice = new ChannelChoice(body.channels().stream()
                .map(c -> new ChannelSelection(c.type(), c.settings() == null ? java.util.Map.of() : c.settings()))
                .collect(Collectors.toList()), body.startAt(), body.endAt(), autoDraw);
        return events.change(CurrentOwner.id(), id, wf -> wf.chooseChannels(choice));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Check readiness, approve, and distribute to every chosen channel")
    public EventViews.Detail publish(@PathVariable long id) {
        return events.change(CurrentOwner.id(), id, EventCreationWorkflow::publish);
    }

    @GetMapping("/{id}/distribution")
    @Operation(summary = "Per chosen channel: status, post and the channel's own poster (`imageUrl`, in its size)",
            description = "Instagram 1080×1080, Naver Blog 800×600, Kakao 800×800, 우리동네TV and 지니TV 1920×1080; "
                    + "RINGOBIZ (ring-back tone) has no image. Every post links to `/e/{id}?via=<CHANNEL>`.")
    public EventViews.Distribution distribution(@PathVariable long id) {
        return events.distribution(CurrentOwner.id(), id);
    }

    @PostMapping("/{id}/distribution/{channel}/retry")
    @Operation(summary = "Publish one failed channel again; the others are not touched")
    public EventViews.Detail retry(@PathVariable long id, @PathVariable ChannelType channel) {
        return events.change(CurrentOwner.id(), id, wf -> wf.retryChannel(channel));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel the event at any step; published posts are retracted where the channel allows it")
    public EventViews.Detail cancel(@PathVariable long id, @RequestBody(required = false) @Valid EventRequests.Cancel body) {
        String reason = body == null || body.reason() == null ? "cancelled by the owner" : body.reason();
        return events.cancel(CurrentOwner.id(), id, reason);
    }
}
