package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.gateway.web.FieldViolation;
import com.kt.eventmarketing.gateway.web.TooManyRequestsException;
import com.kt.eventmarketing.participation.verification.PhoneVerifications;
import com.kt.eventmarketing.shared.crypto.FieldCipher;
import com.kt.eventmarketing.shared.crypto.KeyedHasher;
import com.kt.eventmarketing.shared.crypto.PhoneNumbers;
import com.kt.eventmarketing.shared.LogFields;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Customer entries. Per entry: the event from the in-process cache, one Redis script (rate limits, duplicate,
 * Idempotency-Key), the database writes (idempotency row, participant row, outbox row) in a transaction shared with
 * the entries arriving at the same moment ({@link EntryGroupCommit}), whose writer then tells Redis the answers of the
 * whole group in one round trip.
 * PostgreSQL's unique constraints are the truth: with Redis down or flushed an entry is still accepted exactly once.
 */
@Service
public class ParticipationService {
    public static final String DUPLICATE = "이미 참여하신 이벤트입니다";
    // Customers read these (the API's answers and the page's inline errors), so they are Korean; the rule names
    // next to them are what programs compare.
    public static final String NAME_MESSAGE = "이름은 2~50자의 한글 또는 영문으로 입력해 주세요";
    public static final String PHONE_MESSAGE = "휴대폰 번호를 숫자 10~11자리로 입력해 주세요 (예: 010-1234-5678)";
    public static final String CONSENT_MESSAGE = "개인정보 수집·이용에 동의해야 참여할 수 있습니다";
    private static final Pattern NAME = Pattern.compile("^[가-힣a-zA-Z][가-힣a-zA-Z ]*[가-힣a-zA-Z]$");
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,100}$");

    private final OpenEvents events;
    private final IntakeFastPath fastPath;
    private final EntryGroupCommit groupCommit;
    private final FieldCipher cipher;
    private final KeyedHasher hasher;
    private final MeterRegistry meters;
    private final PhoneVerifications verifications;
    // registered once: a registry lookup per entry (id, tags, map) showed in the intake profile
    private final Counter accepted;
    private final Counter replayed;
    private final Counter duplicateInRedis;
    private final Counter duplicateInDatabase;

    public ParticipationService(OpenEvents events, IntakeFastPath fastPath, EntryGroupCommit groupCommit,
                                FieldCipher cipher, KeyedHasher hasher, MeterRegistry meters,
                                PhoneVerifications verifications) {
        this.events = events;
        this.fastPath = fastPath;
        this.groupCommit = groupCommit;
        this.cipher = cipher;
        this.hasher = hasher;
        this.meters = meters;
        this.verifications = verifications;
        this.accepted = meters.counter("kt.participation.accepted");
        this.replayed = meters.counter("kt.participation.replayed");
        this.duplicateInRedis = meters.counter("kt.participation.rejected", "reason", "duplicate-redis");
        this.duplicateInDatabase = meters.counter("kt.participation.rejected", "reason", "duplicate-db");
    }

    /** The answer to an entry: its number, and whether it replays an earlier answer for the same Idempotency-Key. */
    public record Outcome(long entryNumber, boolean replayed) {
    }

    public OpenEvents.PublicEvent publicEvent(long eventId) {
        return events.requireOpen(eventId, false);
    }

    /** An SMS code for an entry into an open event that asks for one (409 where it does not). */
    public PhoneVerifications.Sent sendCode(long eventId, String phone) {
        OpenEvents.PublicEvent event = events.requireOpen(eventId, true);
        if (!event.phoneVerification()) {
            throw ApiException.conflict("이 이벤트는 휴대폰 인증 없이 참여할 수 있습니다");
        }
        return verifications.send(eventId, phone);
    }

    public Outcome enter(long eventId, ParticipationViews.EntryRequest request, String client, String idempotencyKey) {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.badField("Idempotency-Key", "format", "must be 1-100 printable ASCII characters");
        }
        OpenEvents.PublicEvent event = events.requireOpen(eventId, true);
        Valid entry = validate(request, event.entryPaths());
        String phoneHash = hasher.hash(entry.phone());
        if (event.phoneVerification()) {
            verifications.require(eventId, phoneHash, request.verificationCode());
        }
        // only a key's replay compares requests
        String requestHash = idempotencyKey == null ? null
                : hasher.hash("entry|" + entry.name() + "|" + entry.phone() + "|" + entry.entryPath());
        String keyHash = idempotencyKey == null ? null : sha256(idempotencyKey);

        IntakeFastPath.Precheck pre = fastPath.precheck(client, eventId, phoneHash, keyHash);
        if (pre.limitedBy() != null) {
            meters.counter("kt.participation.rejected", "reason", "rate-" + pre.limitedBy()).increment();
            throw new TooManyRequestsException(pre.limitedBy(), Duration.ofSeconds(pre.retryAfterSeconds()),
                    "too many entries per " + pre.limitedBy() + "; retry after " + pre.retryAfterSeconds() + " s");
        }
        if (pre.storedAnswer() != null) {
            return replay(pre.storedAnswer(), requestHash);
        }
        if (pre.knownDuplicate()) {
            duplicateInRedis.increment();
            throw duplicate();
        }

        EntryWrites.Result written = groupCommit.write(new EntryWrites.Entry(eventId, cipher.encrypt(entry.name()),
                        nameHash(hasher, entry.name()), cipher.encrypt(entry.phone()), phoneHash, entry.entryPath(),
                        idempotencyKey, requestHash, MDC.get(LogFields.TRACE_ID)),
                new IntakeFastPath.Memo(eventId, phoneHash, event.endAt(), keyHash, requestHash));
        if (written instanceof EntryWrites.Stored stored) {
            return replay(stored.answer(), requestHash);
        }
        if (written instanceof EntryWrites.Accepted accepted) {
            this.accepted.increment();
            return new Outcome(accepted.entryNumber(), false);
        }
        duplicateInDatabase.increment();
        throw duplicate();
    }

    private Outcome replay(String stored, String requestHash) {
        int colon = stored.indexOf(':');
        if (!stored.substring(colon + 1).equals(requestHash)) {
            throw new ApiException(HttpStatus.valueOf(422), "Idempotency-Key reused",
                    "Idempotency-Key: was already used with a different request",
                    List.of(new FieldViolation("Idempotency-Key", "reused", "was already used with a different request")));
        }
        replayed.increment();
        return new Outcome(Long.parseLong(stored.substring(0, colon)), true);
    }

    private static ApiException duplicate() {
        return ApiException.conflict(DUPLICATE, new FieldViolation("phone", "unique", DUPLICATE));
    }

    record Valid(String name, String phone, String entryPath) {
    }

    /** Every bad field is reported, each by name and rule. */
    static Valid validate(ParticipationViews.EntryRequest request, Set<String> eventPaths) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request == null) {
            throw ApiException.badField("body", "required", "the request body is required");
        }
        String name = normaliseName(request.name());
        if (name == null || name.codePointCount(0, name.length()) < 2 || name.length() > 50 || !NAME.matcher(name).matches()) {
            violations.add(new FieldViolation("name", "pattern", NAME_MESSAGE));
        }
        String phone = PhoneNumbers.normalise(request.phone()).orElse(null);
        if (phone == null) {
            violations.add(new FieldViolation("phone", "phone", PHONE_MESSAGE));
        }
        String path = EntryPaths.parse(request.entryPath()).orElse(null);
        if (path == null || !eventPaths.contains(path)) {
            violations.add(new FieldViolation("entryPath", "oneOf", "참여 경로는 다음 중 하나여야 합니다: " + eventPaths.stream().sorted().toList()));
        }
        if (!Boolean.TRUE.equals(request.consent())) {
            violations.add(new FieldViolation("consent", "AssertTrue", CONSENT_MESSAGE));
        }
        if (!violations.isEmpty()) {
            String detail = String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", detail, violations);
        }
        return new Valid(name, phone, path);
    }

    static String normaliseName(String raw) {
        if (raw == null) {
            return null;
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFC).trim().replaceAll("\\s+", " ");
    }

    /** Name lookups are exact (after NFC, trimming and collapsing spaces), through the keyed hash. */
    static String nameHash(KeyedHasher hasher, String normalisedName) {
        return hasher.hash("name|" + normalisedName);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
