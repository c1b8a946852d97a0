package com.kt.eventmarketing.participation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Request and response bodies of the participation API (field names are part of the contract). */
public final class ParticipationViews {
    private ParticipationViews() {
    }

    /**
     * {@code consent} is an Object so that a wrong type is reported by the same rule as a missing one;
     * {@code verificationCode} (the SMS code) is needed only where the event's owner turned phone verification on.
     */
    public record EntryRequest(String name, String phone, String entryPath, Object consent, String verificationCode) {
    }

    public record VerificationRequest(String phone) {
    }

    public record EntryCreated(long entryNumber) {
    }

    public record PublicEvent(long eventId, String title, String prize, String participationMethod, String guide,
                              String storeName, Instant startAt, Instant endAt, String imageUrl, List<String> entryPaths,
                              List<String> rules, String privacyNotice, String drawCommitment, String participationUrl,
                              boolean phoneVerification) {
    }

    public record Participant(long entryNumber, String name, String phone, String entryPath, boolean isWinner,
                              Integer winnerRank, Instant enteredAt) {
    }

    public record Page<T>(List<T> content, int page, int size, long totalElements) {
    }

    public record DrawRequest(Object winnerCount, Object algorithm, Object visitBonus) {
    }

    public record Winner(int rank, long entryNumber, String name, String phone, String entryPath) {
    }

    /**
     * The draw and its proof. Before the draw: status COMMITTED with only the commitment (or NOT_COMMITTED).
     * After: the revealed seed, the snapshot hash and everything needed to re-run {@code WinnerDraw}.
     */
    public record Draw(long eventId, String status, String commitment, Instant committedAt, String seed,
                       Instant drawnAt, String algorithm, Integer visitBonus, String algorithmVersion,
                       String snapshotHash, Long participantCount, Long totalTickets, Integer winnerCount,
                       List<Winner> winners) {

        static Draw of(long eventId, Optional<DrawLedger.Proof> proof) {
            return proof.map(p -> p.drawn()
                            ? new Draw(eventId, "DRAWN", p.commitment(), p.committedAt(), p.seed(), p.drawnAt(),
                                    p.algorithm(), p.visitBonus(), p.algorithmVersion(), p.snapshotHash(), p.participantCount(),
                                    p.totalTickets(), p.winnerCount(), p.winners().stream().map(w -> new Winner(
                                            w.rank(), w.entryNumber(), w.name(), w.phone(), w.entryPath())).toList())
                            : new Draw(eventId, "COMMITTED", p.commitment(), p.committedAt(),
                                    null, null, null, null, null, null, null, null, null, List.of()))
                    .orElseGet(() -> new Draw(eventId, "NOT_COMMITTED", null, null, null, null, null, null,
                            null, null, null, null, null, List.of()));
        }
    }

    /**
     * The public proof: the draw (winners masked, or shown as purged) with the event's title and, once drawn, the
     * snapshot the winners were drawn from. No name or phone is in the snapshot: entry numbers and tickets only.
     */
    public record PublicDraw(@JsonUnwrapped Draw draw, String title,
                             @ArraySchema(arraySchema = @Schema(description = "After the draw: every entry as "
                                     + "[entryNumber, tickets] in ascending entry number (the snapshot whose SHA-256 over "
                                     + "\"<entryNumber>:<tickets>\\n\" lines is snapshotHash); null before"),
                                     schema = @Schema(type = "array", example = "[17, 3]",
                                             description = "[entryNumber, tickets]"))
                             StreamedSnapshot snapshot) {
    }

    /** The {@code participant.registered} message: no personal data, only what analytics counts. */
    public record ParticipantRegistered(long eventId, long entryNumber, String entryPath, Instant registeredAt) {
    }
}
