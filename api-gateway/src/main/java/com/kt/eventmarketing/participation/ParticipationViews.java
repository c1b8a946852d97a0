package com.kt.eventmarketing.participation;

import java.time.Instant;
import java.util.List;

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
    }

    /** The {@code participant.registered} message: no personal data, only what analytics counts. */
    public record ParticipantRegistered(long eventId, long entryNumber, String entryPath, Instant registeredAt) {
    }
}
