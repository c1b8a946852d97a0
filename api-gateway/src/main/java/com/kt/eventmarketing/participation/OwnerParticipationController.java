package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.events.persistence.EventRow;
import com.kt.eventmarketing.events.persistence.EventRowRepository;
import com.kt.eventmarketing.gateway.security.CurrentOwner;
import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.gateway.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;

/** The owner's side of participation: entrants (masked), CSV export, the verifiable draw. Others' events are 404. */
@RestController
@RequestMapping("/api/v1/events/{id}")
@Tag(name = "Participation (owner)", description = "Entrants, export and the verifiable winner draw")
public class OwnerParticipationController {
    private final EventRowRepository events;
    private final ParticipantQueries participants;
    private final DrawService draws;
    private final PersonalDataAccessLog accessLog;

    public OwnerParticipationController(EventRowRepository events, ParticipantQueries participants, DrawService draws,
                                        PersonalDataAccessLog accessLog) {
        this.events = events;
        this.participants = participants;
        this.draws = draws;
        this.accessLog = accessLog;
    }

    @GetMapping("/participants")
    @Operation(summary = "Entrants, masked; filters entryPath, isWinner, name and phone (exact); page size 10-100")
    public ParticipationViews.Page<ParticipationViews.Participant> list(@PathVariable long id,
                                                                        @RequestParam(required = false) String entryPath,
                                                                        @RequestParam(required = false) Boolean isWinner,
                                                                        @RequestParam(required = false) String name,
                                                                        @RequestParam(required = false) String phone,
                                                                        @RequestParam(defaultValue = "0") int page,
                                                                        @RequestParam(defaultValue = "20") int size) {
        owned(id);
        var result = participants.list(id, new ParticipantQueries.Filter(entryPath, isWinner, name, phone), page, size);
        accessLog.record(id, CurrentOwner.id(), PersonalDataAccessLog.Action.LIST, result.content().size());
        return result;
    }

    @GetMapping("/participants/export")
    @Operation(summary = "All entrants as CSV (UTF-8 with BOM, masked), streamed from a database cursor")
    public void export(@PathVariable long id,
                       @RequestParam(required = false) String entryPath,
                       @RequestParam(required = false) Boolean isWinner,
                       @RequestParam(required = false) String name,
                       @RequestParam(required = false) String phone,
                       HttpServletResponse response) throws IOException {
        owned(id);
        var filter = new ParticipantQueries.Filter(entryPath, isWinner, name, phone);
        participants.check(id, filter);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"participants-" + id + ".csv\"");
        long rows = participants.exportCsv(id, filter, response.getOutputStream());
        accessLog.record(id, CurrentOwner.id(), PersonalDataAccessLog.Action.EXPORT, rows);
    }

    @PostMapping("/draw-winners")
    @Operation(summary = "Draw the winners once (409 after), RANDOM or WEIGHTED (STORE_VISIT gets 1 + visitBonus tickets)")
    public ResponseEntity<ParticipationViews.Draw> draw(@PathVariable long id,
                                                        @RequestBody(required = false) ParticipationViews.DrawRequest body) {
        EventRow event = owned(id);
        ParticipationViews.Draw drawn = draws.draw(event, body);
        accessLog.record(id, CurrentOwner.id(), PersonalDataAccessLog.Action.DRAW, drawn.winners().size());
        return ResponseEntity.created(URI.create("/api/v1/events/" + id + "/draw")).body(drawn);
    }

    @GetMapping("/draw")
    @Operation(summary = "The draw and its proof: commitment, revealed seed, snapshot hash, algorithm version, masked winners")
    public ParticipationViews.Draw draw(@PathVariable long id) {
        ParticipationViews.Draw view = draws.view(owned(id));
        if (view.winners() != null && !view.winners().isEmpty()) {
            accessLog.record(id, CurrentOwner.id(), PersonalDataAccessLog.Action.DRAW_VIEW, view.winners().size());
        }
        return view;
    }

    @GetMapping("/personal-data-access")
    @Operation(summary = "Who looked at this event's entrants: every list page, export and draw view (newest first)")
    public ParticipationViews.Page<PersonalDataAccessLog.Access> accessLog(@PathVariable long id,
                                                                          @RequestParam(defaultValue = "0") int page,
                                                                          @RequestParam(defaultValue = "20") int size) {
        owned(id);
        return accessLog.page(id, Paging.of(page, size, 1, 100));
    }

    private EventRow owned(long id) {
        return events.findByIdAndOwnerId(id, CurrentOwner.id()).orElseThrow(() -> ApiException.notFound("event " + id));
    }
}
