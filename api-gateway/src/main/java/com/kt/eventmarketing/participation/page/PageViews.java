package com.kt.eventmarketing.participation.page;

import com.kt.eventmarketing.gateway.web.ClientAddresses;
import com.kt.eventmarketing.shared.crypto.KeyedHasher;
import com.kt.eventmarketing.shared.redis.LuaScript;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Counts a view of an event's page once per visitor per day (Asia/Seoul). The visitor is the first-party cookie
 * {@value #COOKIE} (a random id this page sets), or, when the browser sent none, a keyed hash of address and user
 * agent; only keyed hashes are kept. The fast path is one Redis script: a per-event-and-day set of today's
 * visitors, and a set of new visits waiting for {@link PageViewFlusher} to write them to PostgreSQL. Without Redis
 * the visit is written to PostgreSQL at once.
 */
@Component
public class PageViews {
    static final String COOKIE = "kt_v";
    static final String PENDING = "pageviews:pending";
    private static final Pattern COOKIE_VALUE = Pattern.compile("^[A-Za-z0-9_-]{22}$");
    private static final Duration SEEN_TTL = Duration.ofDays(2);
    private static final Logger log = LoggerFactory.getLogger(PageViews.class);
    /** KEYS: seen set, pending set. ARGV: visitor, pending member, seen TTL ms, alias (or ""). 1 = a new visit. */
    private static final LuaScript SEEN = new LuaScript("""
            local new = redis.call('SADD', KEYS[1], ARGV[1])
            if ARGV[4] ~= '' then redis.call('SADD', KEYS[1], ARGV[4]) end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            if new == 1 then redis.call('SADD', KEYS[2], ARGV[2]) end
            return new""");

    private final JedisPooled redis;
    private final KeyedHasher hasher;
    private final PageViewStore store;
    private final PageViewProperties properties;
    private final ClientAddresses clients;
    private final SecureRandom random = new SecureRandom();

    public PageViews(JedisPooled redis, KeyedHasher hasher, PageViewStore store, PageViewProperties properties,
                     ClientAddresses clients) {
        this.clients = clients;
        this.redis = redis;
        this.hasher = hasher;
        this.store = store;
        this.properties = properties;
    }

    static String seenKey(long eventId, LocalDate day) {
        return "pageviews:seen:" + eventId + ":" + day;
    }

    /** Notes the view of this request, and hands a cookie to a visitor who has none. */
    public void record(long eventId, HttpServletRequest request, HttpServletResponse response) {
        String cookie = visitorCookie(request);
        PageVisit visit;
        LocalDate day = LocalDate.now(EventPages.SEOUL);
        if (cookie != null) {
            visit = new PageVisit(eventId, day, hasher.hash("visitor|cookie|" + cookie), "");
        } else {
            String issued = newCookie();
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, issued).path("/e/").httpOnly(true)
                    .secure(request.isSecure()).sameSite("Lax").maxAge(properties.cookieMaxAge()).build().toString());
            String fingerprint = clients.of(request) + "|" + Objects.toString(request.getHeader(HttpHeaders.USER_AGENT), "");
            visit = new PageVisit(eventId, day, hasher.hash("visitor|client|" + fingerprint),
                    hasher.hash("visitor|cookie|" + issued));
        }
        try {
            SEEN.run(redis, List.of(seenKey(eventId, day), PENDING), List.of(visit.visitor(), visit.encode(),
                    Long.toString(SEEN_TTL.toMillis()), visit.alias()));
        } catch (JedisException e) {
            log.debug("page views without Redis, written directly: {}", e.toString());
            store.count(List.of(visit));
        }
    }

    private static String visitorCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && COOKIE_VALUE.matcher(c.getValue()).matches()) {
                return c.getValue();
            }
        }
        return null;
    }

    private String newCookie() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
