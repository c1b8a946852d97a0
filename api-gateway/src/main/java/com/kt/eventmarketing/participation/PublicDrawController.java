package com.kt.eventmarketing.participation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The draw's public proof: what the page {@code /e/{id}/draw} checks, and what anyone else may check. */
@RestController
@Tag(name = "Participation (public)")
public class PublicDrawController {
    private final PublicDraws draws;

    public PublicDrawController(PublicDraws draws) {
        this.draws = draws;
    }

    @GetMapping("/api/v1/public/events/{id}/draw")
    @Operation(summary = "The verifiable draw, no account needed (algorithm: docs/draw-verification.md)",
            description = "Before the draw only the commitment (SHA-256 of the secret seed) and when it was made "
                    + "(status COMMITTED; NOT_COMMITTED before the event opened). After it (DRAWN): the revealed seed, "
                    + "the algorithm and its version, the snapshot hash, the snapshot itself as [entryNumber, tickets] "
                    + "pairs (no personal data; streamed, so large events are not held in memory) and the masked "
                    + "winners in rank order (shown as purged after the privacy purge). Stays readable after the end.")
    @ApiResponse(responseCode = "200", description = "the draw as it stands")
    @ApiResponse(responseCode = "404", description = "unknown, draft or expired event",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ParticipationViews.PublicDraw draw(@PathVariable long id) {
        return draws.find(id, true);
    }
}
