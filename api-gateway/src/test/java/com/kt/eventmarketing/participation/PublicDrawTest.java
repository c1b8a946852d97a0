package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.gateway.security.PageSecurityHeaders;
import com.kt.eventmarketing.testsupport.browser.Accessibility;
import com.kt.eventmarketing.testsupport.browser.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public proof and the page that checks it, on the real servers: a real event with entries, the owner's real
 * draw, the JSON without personal data, and the page in headless Chromium at phone size saying whether this
 * browser's recomputation matches, also after the privacy purge and against altered data.
 */
@GatewayTest
class PublicDrawTest {
    private static final String[] NAMES = {"김민수", "이영희", "박철수", "최지우", "정하늘", "Alice"};
    /** Watches the page from before its first script: CSP violations, errors and rejected promises. */
    private static final String WATCH = """
            window.__problems = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__problems.push('CSP ' + e.violatedDirective + ' ' + e.blockedURI));
            window.addEventListener('error', e => window.__problems.push('error ' + e.message));
            window.addEventListener('unhandledrejection', e => window.__problems.push('rejection ' + e.reason));""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ParticipationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new ParticipationFixtures(jdbc, port);
    }

    private String page(long eventId) {
        return "http://127.0.0.1:" + port + "/e/" + eventId + "/draw";
    }

    /** A phone-sized browser that records CSP violations and script errors from before the page's first script. */
    private static Browser browser(boolean javascript) {
        return watched(Browser.open(Browser.PHONE, javascript));
    }

    private static Browser watched(Browser browser) {
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
        return browser;
    }

    /** Opens the page, waits for the browser's check to finish and returns its result (match, mismatch, pending). */
    private static String checkResult(Browser browser, String url) {
        browser.driver().get(url);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
            String result = d.findElement(By.id("check")).getDomAttribute("data-result");
            return result != null && !result.equals("running");
        });
        return browser.driver().findElement(By.id("check")).getDomAttribute("data-result");
    }

    private static List<String> marks(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#checks li strong")).stream()
                .map(e -> e.getDomAttribute("class")).toList();
    }

    private static void assertCleanPage(Browser browser, String name) {
        assertThat(browser.driver().executeScript("return window.__problems")).as(name + ": CSP violations and errors")
                .isEqualTo(List.of());
        Accessibility.assertNoSeriousViolations(browser.driver(), name);
    }

    @Test
    void theProofIsPublicWithoutPersonalDataAndThePageRecomputesIt() {
        var owner = fx.owner();
        long eventId = fx.event(owner, "ACTIVE");
        String proofPath = "/api/v1/public/events/" + eventId + "/draw";
        String committed = fx.get("/api/v1/public/events/" + eventId, null).json().get("drawCommitment").asString();

        // Before the draw: the commitment and when it was made, nothing else.
        var before = fx.get(proofPath, null);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.json().get("status").asString()).isEqualTo("COMMITTED");
        assertThat(before.json().get("commitment").asString()).isEqualTo(committed);
        assertThat(before.json().get("committedAt").isNull()).isFalse();
        assertThat(before.json().get("seed").isNull()).isTrue();
        assertThat(before.json().get("snapshot").isNull()).isTrue();
        try (Browser browser = browser(true)) {
            assertThat(checkResult(browser, page(eventId))).isEqualTo("pending");
            assertThat(browser.driver().findElement(By.id("commitment")).getText()).isEqualTo(committed);
            assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("아직 추첨 전입니다");
            assertCleanPage(browser, "draw page before the draw");
            browser.screenshot("draw-page-before-draw");
        }

        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String phone = ParticipationFixtures.uniquePhone();
            phones.add(phone);
            assertThat(fx.enter(eventId, ParticipationFixtures.entry(NAMES[i % NAMES.length], phone,
                    i % 3 == 0 ? "STORE_VISIT" : "INSTAGRAM"), null).status()).isEqualTo(201);
        }
        fx.end(eventId);
        assertThat(fx.post("/api/v1/events/" + eventId + "/draw-winners", owner.token(),
                Map.of("winnerCount", 3, "algorithm", "WEIGHTED", "visitBonus", 2)).status()).isEqualTo(201);

        // After: seed, hash, algorithm, the snapshot as [entryNumber, tickets], masked winners; no name or phone.
        var drawn = fx.get(proofPath, null);
        JsonNode proof = drawn.json();
        assertThat(proof.get("status").asString()).isEqualTo("DRAWN");
        assertThat(proof.get("commitment").asString()).isEqualTo(committed);
        assertThat(WinnerDraw.commitment(HexFormat.of().parseHex(proof.get("seed").asString()))).isEqualTo(committed);
        assertThat(proof.get("algorithmVersion").asString()).isEqualTo(WinnerDraw.VERSION);
        assertThat(proof.get("snapshot")).hasSize(12);
        var hasher = new WinnerDraw.SnapshotHasher();
        for (int i = 0; i < 12; i++) {
            JsonNode entry = proof.get("snapshot").get(i);
            assertThat(entry.get(1).asInt()).as("tickets of entry " + i).isEqualTo(i % 3 == 0 ? 3 : 1);
            hasher.add(entry.get(0).asLong(), entry.get(1).asInt());
        }
        assertThat(HexFormat.of().formatHex(hasher.finish())).isEqualTo(proof.get("snapshotHash").asString());
        assertThat(proof.get("winners")).hasSize(3);
        proof.get("winners").forEach(w -> assertThat(w.get("phone").asString()).matches("010-\\*{4}-\\d{4}"));
        for (String phone : phones) {
            String digits = phone.replace("-", "");
            assertThat(drawn.body()).doesNotContain(phone).doesNotContain(digits).doesNotContain(digits.substring(3));
        }
        for (String name : NAMES) {
            assertThat(drawn.body()).doesNotContain(name);
        }

        try (Browser browser = browser(true)) {
            assertThat(checkResult(browser, page(eventId))).isEqualTo("match");
            assertThat(browser.driver().findElement(By.id("verdict")).getText()).startsWith("✓ 일치합니다");
            assertThat(marks(browser)).containsExactly("ok", "ok", "ok");
            assertCleanPage(browser, "draw page after the draw");
            browser.screenshot("draw-page-match");
            browser.driver().executeScript("document.getElementById('proof-title').scrollIntoView()");
            browser.screenshot("draw-page-match-published-values");

            // The page's own check, given the proof with one entry's tickets raised in the browser, says no.
            Object altered = browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    (async () => {
                      const page = await import('/assets/js/draw-page.js');
                      const proof = await (await fetch(arguments[0])).json();
                      proof.snapshot[0][1] += 1;
                      return (await page.check(proof)).ok;
                    })().then(done, e => done(String(e)));""", proofPath);
            assertThat(altered).isEqualTo(false);
            assertThat(browser.driver().findElement(By.id("check")).getDomAttribute("data-result")).isEqualTo("mismatch");
            assertThat(marks(browser)).startsWith("ok", "error");
            browser.driver().executeScript("document.getElementById('check').scrollIntoView()");
            browser.screenshot("draw-page-altered-snapshot");

            // The privacy purge keeps entry numbers and paths: the proof still checks, winners show as purged.
            jdbc.update("""
                    update participants set name_encrypted = 'purged', phone_encrypted = 'purged', name_hash = 'purged',
                           phone_hash = 'purged-' || id, purged_at = now() where event_id = ?""", eventId);
            JsonNode purged = fx.get(proofPath, null).json();
            purged.get("winners").forEach(w -> assertThat(w.get("name").asString()).isEqualTo(PersonalData.PURGED_DISPLAY));
            assertThat(purged.get("snapshot").toString()).isEqualTo(proof.get("snapshot").toString());
            assertThat(checkResult(browser, page(eventId))).isEqualTo("match");

            // Altered data is caught by the check it concerns: winners moved ...
            jdbc.update("update participants set winner_rank = 4 - winner_rank where event_id = ? and is_winner", eventId);
            assertThat(checkResult(browser, page(eventId))).isEqualTo("mismatch");
            assertThat(browser.driver().findElement(By.id("verdict")).getText()).startsWith("✗ 일치하지 않습니다");
            assertThat(marks(browser)).containsExactly("ok", "ok", "error");
            browser.screenshot("draw-page-mismatch");
            jdbc.update("update participants set winner_rank = 4 - winner_rank where event_id = ? and is_winner", eventId);

            // ... an entry's tickets changed after the draw (an online entry turned into a store visit) ...
            long loser = jdbc.queryForObject("select min(entry_number) from participants where event_id = ? and not is_winner"
                    + " and entry_path = 'INSTAGRAM'", Long.class, eventId);
            jdbc.update("update participants set entry_path = 'STORE_VISIT' where event_id = ? and entry_number = ?", eventId, loser);
            assertThat(checkResult(browser, page(eventId))).isEqualTo("mismatch");
            assertThat(marks(browser)).startsWith("ok", "error");
            jdbc.update("update participants set entry_path = 'INSTAGRAM' where event_id = ? and entry_number = ?", eventId, loser);

            // ... and a seed that is not the committed one.
            jdbc.update("update draws set seed_revealed = ? where event_id = ?", "00".repeat(32), eventId);
            assertThat(checkResult(browser, page(eventId))).isEqualTo("mismatch");
            assertThat(marks(browser)).startsWith("error", "ok");
        }
    }

    /** An ended event with four online entries and a RANDOM draw of two winners. */
    private long drawnEvent() {
        var owner = fx.owner();
        long eventId = fx.event(owner, "ACTIVE");
        fx.get("/api/v1/public/events/" + eventId, null);
        for (int i = 0; i < 4; i++) {
            fx.enter(eventId, ParticipationFixtures.entry(NAMES[i], ParticipationFixtures.uniquePhone(), "KAKAO_CHANNEL"), null);
        }
        fx.end(eventId);
        assertThat(fx.post("/api/v1/events/" + eventId + "/draw-winners", owner.token(),
                Map.of("winnerCount", 2, "algorithm", "RANDOM")).status()).isEqualTo(201);
        return eventId;
    }

    @Test
    void onADesktopThePageChecksTheDrawToo() {
        long eventId = drawnEvent();
        try (Browser browser = watched(Browser.open(Browser.DESKTOP))) {
            assertThat(checkResult(browser, page(eventId))).isEqualTo("match");
            assertCleanPage(browser, "draw page on a desktop");
            browser.screenshot("draw-page-desktop");
        }
    }

    @Test
    void withoutJavaScriptThePageShowsThePublishedValuesAndSaysTheCheckNeedsIt() {
        long eventId = drawnEvent();
        JsonNode proof = fx.get("/api/v1/public/events/" + eventId + "/draw", null).json();

        var html = fx.get("/e/" + eventId + "/draw", null);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Security-Policy")).isEqualTo(PageSecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(html.body()).doesNotContain("<script>").doesNotContain("style=");
        try (Browser browser = browser(false)) {
            browser.driver().get(page(eventId));
            String text = browser.driver().findElement(By.tagName("main")).getText();
            assertThat(text).contains(proof.get("seed").asString()).contains(proof.get("snapshotHash").asString())
                    .contains(proof.get("commitment").asString()).contains("자바스크립트가 필요합니다")
                    .contains(proof.get("winners").get(0).get("name").asString());
            assertThat(browser.driver().findElement(By.id("check")).isDisplayed()).isFalse();
            browser.screenshot("draw-page-no-javascript");
        }
    }

    @Test
    void unknownAndDraftEventsAre404AndTheEndpointIsDocumented() {
        var owner = fx.owner();
        long draft = fx.event(owner, "DRAFT");
        for (long id : new long[]{draft, 987_654_321L}) {
            var api = fx.get("/api/v1/public/events/" + id + "/draw", null);
            assertThat(api.status()).isEqualTo(404);
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            var html = fx.get("/e/" + id + "/draw", null);
            assertThat(html.status()).isEqualTo(404);
            assertThat(html.body()).contains("이벤트를 찾을 수 없습니다");
        }
        JsonNode docs = fx.get("/v3/api-docs", null).json();
        JsonNode operation = docs.get("paths").get("/api/v1/public/events/{id}/draw").get("get");
        assertThat(operation.get("security")).as("no account needed").isNull();
        assertThat(operation.get("responses").has("404")).isTrue();
        JsonNode schema = docs.get("components").get("schemas").get("PublicDraw").get("properties");
        assertThat(schema.propertyNames()).contains("commitment", "committedAt", "seed", "snapshotHash", "algorithmVersion",
                "winners", "snapshot", "title").doesNotContain("draw");
        assertThat(schema.get("snapshot").toString()).contains("[entryNumber, tickets]");
    }

    @Test
    void aLargeSnapshotIsStreamedAndHashesToThePublishedValue() {
        var owner = fx.owner();
        long eventId = fx.event(owner, "ACTIVE");
        fx.get("/api/v1/public/events/" + eventId, null);
        int n = 100_000;
        // entries as the purge leaves them (no personal data), written straight into the table
        jdbc.update("""
                insert into participants (event_id, entry_number, name_encrypted, name_hash, phone_encrypted, phone_hash,
                                          entry_path, consent_at, purged_at)
                select ?, g, 'purged', 'purged', 'purged', 'purged-' || g,
                       case when g % 4 = 0 then 'STORE_VISIT' else 'INSTAGRAM' end, now(), now()
                from generate_series(1, ?) g""", eventId, n);
        fx.end(eventId);
        assertThat(fx.post("/api/v1/events/" + eventId + "/draw-winners", owner.token(),
                Map.of("winnerCount", 50, "algorithm", "WEIGHTED", "visitBonus", 3)).status()).isEqualTo(201);
        var response = fx.get("/api/v1/public/events/" + eventId + "/draw", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Length")).as("streamed, not buffered whole").isNull();
        JsonNode proof = response.json();
        assertThat(proof.get("snapshot")).hasSize(n);
        var hasher = new WinnerDraw.SnapshotHasher();
        proof.get("snapshot").forEach(e -> hasher.add(e.get(0).asLong(), e.get(1).asInt()));
        assertThat(HexFormat.of().formatHex(hasher.finish())).isEqualTo(proof.get("snapshotHash").asString());
        assertThat(proof.get("totalTickets").asLong()).isEqualTo(n + n / 4 * 3L);
    }
}
