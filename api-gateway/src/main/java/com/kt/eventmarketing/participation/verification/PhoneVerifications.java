package com.kt.eventmarketing.participation.verification;

import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.gateway.web.FieldViolation;
import com.kt.eventmarketing.participation.ParticipationService;
import com.kt.eventmarketing.shared.crypto.KeyedHasher;
import com.kt.eventmarketing.shared.crypto.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClientException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Six-digit SMS codes for events with phone verification on. A code is stored only as a keyed hash, expires after
 * {@code code-ttl}, takes {@code max-attempts} wrong answers, and a phone gets a new one at most every
 * {@code resend-after} and {@code max-sends-per-day} times a day. Codes are never logged.
 */
@Service
public class PhoneVerifications {
    public static final String FIELD = "verificationCode";
    public static final String REQUIRED = "휴대폰으로 받은 인증번호 6자리를 입력해 주세요";

    /** Why a code was refused: the rule named in the 400 and the sentence for the customer. */
    enum Refusal {
        NOT_SENT("notSent", "먼저 인증번호를 받아 주세요"),
        TOO_MANY_ATTEMPTS("attempts", "인증번호를 여러 번 틀렸습니다. 인증번호를 다시 받아 주세요"),
        EXPIRED("expired", "인증번호가 만료되었습니다. 인증번호를 다시 받아 주세요"),
        MISMATCH("mismatch", "인증번호가 맞지 않습니다");

        final String rule;
        final String message;

        Refusal(String rule, String message) {
            this.rule = rule;
            this.message = message;
        }
    }
    private static final Logger log = LoggerFactory.getLogger(PhoneVerifications.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KeyedHasher hasher;
    private final VerificationSms sms;
    private final PhoneVerificationProperties properties;
    private final SecureRandom random = new SecureRandom();

    public PhoneVerifications(JdbcTemplate jdbc, TransactionTemplate tx, KeyedHasher hasher, VerificationSms sms,
                              PhoneVerificationProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.hasher = hasher;
        this.sms = sms;
        this.properties = properties;
    }

    /** How long the code just sent is valid, and when the next one may be asked for. */
    public record Sent(long expiresInSeconds, long resendAfterSeconds) {
    }

    /** Sends a new code to the phone (400 for a bad number, 429 when throttled, 503 when the SMS provider fails). */
    public Sent send(long eventId, String rawPhone) {
        String phone = PhoneNumbers.normalise(rawPhone).orElseThrow(
                () -> ApiException.badField("phone", "phone", ParticipationService.PHONE_MESSAGE));
        String phoneHash = hasher.hash(phone);
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant now = Instant.now();
        try {
            // the row stays locked until the SMS is out: a failed send leaves nothing behind (no throttle, no code)
            tx.executeWithoutResult(status -> {
                List<Map<String, Object>> rows = jdbc.queryForList("select sent_count, first_sent_at, last_sent_at"
                        + " from phone_verifications where event_id = ? and phone_hash = ? for update", eventId, phoneHash);
                int sentToday = 0;
                if (!rows.isEmpty()) {
                    Instant first = ((Timestamp) rows.get(0).get("first_sent_at")).toInstant();
                    Instant last = ((Timestamp) rows.get(0).get("last_sent_at")).toInstant();
                    long wait = Duration.between(now, last.plus(properties.resendAfter())).toSeconds();
                    if (wait > 0) {
                        throw throttled("인증번호는 " + wait + "초 후에 다시 받을 수 있습니다");
                    }
                    sentToday = first.isAfter(now.minus(Duration.ofDays(1))) ? ((Number) rows.get(0).get("sent_count")).intValue() : 0;
                    if (sentToday >= properties.maxSendsPerDay()) {
                        throw throttled("오늘은 인증번호를 더 받을 수 없습니다. 내일 다시 시도해 주세요");
                    }
                }
                Timestamp at = Timestamp.from(now);
                jdbc.update("""
                                insert into phone_verifications (event_id, phone_hash, code_hash, expires_at, attempts, sent_count,
                                                                 first_sent_at, last_sent_at)
                                values (?, ?, ?, ?, 0, 1, ?, ?)
                                on conflict (event_id, phone_hash) do update set code_hash = excluded.code_hash,
                                  expires_at = excluded.expires_at, attempts = 0, sent_count = ?, last_sent_at = excluded.last_sent_at,
                                  first_sent_at = case when ? = 1 then excluded.first_sent_at else phone_verifications.first_sent_at end""",
                        eventId, phoneHash, codeHash(eventId, phoneHash, code), Timestamp.from(now.plus(properties.codeTtl())),
                        at, at, sentToday + 1, sentToday + 1);
                sms.send(phone, code, properties.codeTtl());
            });
        } catch (RestClientException e) {
            log.warn("verification SMS for event {} not sent: {}", eventId, e.getClass().getSimpleName());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SMS unavailable",
                    "인증번호를 보내지 못했습니다. 잠시 후 다시 시도해 주세요", List.of());
        }
        return new Sent(properties.codeTtl().toSeconds(), properties.resendAfter().toSeconds());
    }

    /** Passes when {@code code} is the phone's current code; a wrong answer is counted (and committed) first. */
    public void require(long eventId, String phoneHash, String code) {
        if (code == null || !code.trim().matches("\\d{6}")) {
            throw bad("required", REQUIRED);
        }
        Refusal refusal = tx.execute(status -> {
            List<Map<String, Object>> rows = jdbc.queryForList("select code_hash, expires_at, attempts from phone_verifications"
                    + " where event_id = ? and phone_hash = ? for update", eventId, phoneHash);
            if (rows.isEmpty()) {
                return Refusal.NOT_SENT;
            }
            Map<String, Object> row = rows.get(0);
            if (((Number) row.get("attempts")).intValue() >= properties.maxAttempts()) {
                return Refusal.TOO_MANY_ATTEMPTS;
            }
            if (!((Timestamp) row.get("expires_at")).toInstant().isAfter(Instant.now())) {
                return Refusal.EXPIRED;
            }
            boolean match = MessageDigest.isEqual(codeHash(eventId, phoneHash, code.trim()).getBytes(StandardCharsets.US_ASCII),
                    ((String) row.get("code_hash")).getBytes(StandardCharsets.US_ASCII));
            if (!match) {
                jdbc.update("update phone_verifications set attempts = attempts + 1 where event_id = ? and phone_hash = ?",
                        eventId, phoneHash);
                return Refusal.MISMATCH;
            }
            return null;
        });
        if (refusal != null) {
            throw bad(refusal.rule, refusal.message);
        }
    }

    private String codeHash(long eventId, String phoneHash, String code) {
        return hasher.hash("sms-code|" + eventId + "|" + phoneHash + "|" + code);
    }

    private static ApiException bad(String rule, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", FIELD + ": " + message,
                List.of(new FieldViolation(FIELD, rule, message)));
    }

    private static ApiException throttled(String message) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", message,
                List.of(new FieldViolation("phone", "resend", message)));
    }
}
