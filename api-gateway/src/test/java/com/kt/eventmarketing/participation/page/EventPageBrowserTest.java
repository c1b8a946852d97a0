package com.kt.eventmarketing.participation.page;

import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.gateway.security.PageSecurityHeaders;
import com.kt.eventmarketing.participation.ParticipationService;
import com.kt.eventmarketing.testsupport.browser.Accessibility;
import com.kt.eventmarketing.testsupport.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's page in headless Chromium at phone size (390×844), with JavaScript on and off, on the real
 * servers: entering from a channel link, the duplicate answer, field errors, every state, CSP and axe-core.
 * Screenshots of every state go to target/screenshots/event-page-*.png.
 */
@GatewayTest
class EventPageBrowserTest extends PageTestBase {
    // one of each for the class (a browser takes seconds to start); static, because the real servers start in
    // beforeAll and the Spring context with the test instance after them
    static Browser browser;
    static Browser noScript;

    @BeforeAll
    static void browsers() {
        browser = Browser.open(Browser.PHONE);
        noScript = Browser.open(Browser.PHONE, false);
    }

    @AfterAll
    static void close() {
        browser.close();
        noScript.close();
    }

    @Test
    void entersFromAnInstagramLinkAndTheSamePhoneAgainIsTold409() {
        long eventId = fx.active(owner);
        String phone = PageFixtures.uniquePhone();
        WebDriver d = open(browser, "/e/" + eventId + "?via=INSTAGRAM");
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("주말 치킨 이벤트");
        assertThat(d.findElement(By.id("consent")).isSelected()).as("consent starts unticked").isFalse();
        assertThat(d.findElement(By.tagName("body")).getText()).contains("치킨 한 마리", "전화번호로 응모",
                "개인정보 수집·이용 안내", "암호화", "전화번호 1개당 이벤트 1회만");
        checked(browser, "event-page-open");

        fill(d, "김민수", phone, true).click();
        long entryNumber = Long.parseLong(waitFor(d, "entry-number").getText());
        assertThat(fx.entryPath(eventId, entryNumber)).isEqualTo("INSTAGRAM");
        checked(browser, "event-page-entered");

        open(browser, "/e/" + eventId + "?via=INSTAGRAM");
        fill(d, "김민수", phone, true).click();
        assertThat(waitFor(d, "phone-error").getText()).isEqualTo(ParticipationService.DUPLICATE);
        assertThat(d.findElements(By.id("entry-number"))).isEmpty();
        assertThat(fx.participants(eventId)).isEqualTo(1);
        checked(browser, "event-page-duplicate");
    }

    @Test
    void withoutJavaScriptAPlainPostEntersAndShowsTheEntryNumber() {
        long eventId = fx.active(owner);
        WebDriver d = open(noScript, "/e/" + eventId + "?via=KAKAO_CHANNEL");
        fill(d, "이영희", PageFixtures.uniquePhone(), true).sendKeys(Keys.ENTER);
        long entryNumber = Long.parseLong(waitFor(d, "entry-number").getText());
        assertThat(fx.entryPath(eventId, entryNumber)).isEqualTo("KAKAO_CHANNEL");
        assertThat(fx.participants(eventId)).isEqualTo(1);
        noScript.screenshot("event-page-entered-no-js");
    }

    @Test
    void withoutJavaScriptFieldErrorsAreShownAtTheirFields() {
        long eventId = fx.active(owner);
        WebDriver d = open(noScript, "/e/" + eventId);
        fill(d, "김민수", "12345", false).sendKeys(Keys.ENTER);
        assertThat(waitFor(d, "phone-error").getText()).isEqualTo(ParticipationService.PHONE_MESSAGE);
        assertThat(d.findElement(By.id("consent-error")).getText()).isEqualTo(ParticipationService.CONSENT_MESSAGE);
        assertThat(d.findElement(By.id("name-error")).isDisplayed()).isFalse();
        assertThat(d.findElement(By.id("phone")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(d.findElement(By.id("name")).getAttribute("value")).as("kept for correcting").isEqualTo("김민수");
        assertThat(fx.participants(eventId)).isZero();
        noScript.screenshot("event-page-errors-no-js");
    }

    @Test
    void withJavaScriptTheServersFieldErrorsAreAccessibleAndTheScriptChecksBeforePosting() {
        long eventId = fx.active(owner);
        WebDriver d = open(browser, "/e/" + eventId);
        fill(d, "김민수", "12345", false);
        browser.driver().executeScript("document.getElementById('entry').submit()"); // skips the script's checks
        assertThat(waitFor(d, "consent-error").getText()).isEqualTo(ParticipationService.CONSENT_MESSAGE);
        checked(browser, "event-page-errors");

        open(browser, "/e/" + eventId);
        fill(d, "김", "010-12", false).click();
        assertThat(d.findElement(By.id("name-error")).getText()).isEqualTo(ParticipationService.NAME_MESSAGE);
        assertThat(d.findElement(By.id("phone-error")).getText()).isEqualTo(ParticipationService.PHONE_MESSAGE);
        assertThat(d.findElement(By.id("consent-error")).getText()).isEqualTo(ParticipationService.CONSENT_MESSAGE);
        assertThat(d.getCurrentUrl()).as("nothing posted").endsWith("/e/" + eventId);
        assertThat(fx.participants(eventId)).isZero();
    }

    @Test
    void aDoubleTapEntersOnce() {
        long eventId = fx.active(owner);
        WebDriver d = open(browser, "/e/" + eventId + "?via=INSTAGRAM");
        WebElement submit = fill(d, "박지민", PageFixtures.uniquePhone(), true);
        browser.driver().executeScript("arguments[0].click(); arguments[0].click();", submit);
        waitFor(d, "entry-number");
        assertThat(fx.participants(eventId)).isEqualTo(1);
    }

    @Test
    void resendingTheSameFormReplaysItsEntryInsteadOfEnteringTwice() {
        long eventId = fx.active(owner);
        String key = keyIn(fx.get("/e/" + eventId + "?via=STORE_VISIT").body());
        var form = PageFixtures.form("최수진", PageFixtures.uniquePhone(), true, "STORE_VISIT", key);
        var first = fx.post(eventId, form);
        var reload = fx.post(eventId, form); // what the browser sends when the result page is reloaded
        assertThat(first.status()).isEqualTo(200);
        assertThat(reload.status()).isEqualTo(200);
        String number = entryNumberIn(first.body());
        assertThat(entryNumberIn(reload.body())).isEqualTo(number);
        assertThat(fx.participants(eventId)).isEqualTo(1);
        assertThat(fx.entryPath(eventId, Long.parseLong(number))).isEqualTo("STORE_VISIT");
    }

    @Test
    void beforeTheStartAndAfterTheEndThePageSaysSoWithTheDates() {
        Instant start = Instant.parse("2030-03-01T06:00:00Z");   // 2030-03-01 15:00 in Seoul
        long upcoming = fx.withPeriod(owner, "APPROVED", start, start.plus(Duration.ofDays(7)));
        WebDriver d = open(browser, "/e/" + upcoming);
        String state = d.findElement(By.id("state")).getText();
        assertThat(state).contains("시작 전", "2030년 3월 1일 (금) 오후 3:00", "2030년 3월 8일 (금) 오후 3:00");
        assertThat(d.findElements(By.id("entry"))).isEmpty();
        checked(browser, "event-page-not-started");

        Instant end = Instant.parse("2026-01-10T03:30:00Z");     // 2026-01-10 12:30 in Seoul
        long ended = fx.withPeriod(owner, "ENDED", end.minus(Duration.ofDays(3)), end);
        open(browser, "/e/" + ended);
        assertThat(d.findElement(By.id("state")).getText()).contains("종료된 이벤트", "2026년 1월 7일 (수) 오후 12:30",
                "2026년 1월 10일 (토) 오후 12:30");
        assertThat(d.findElements(By.id("entry"))).isEmpty();
        checked(browser, "event-page-ended");
    }

    @Test
    void afterTheDrawTheMaskedWinnersAndTheProofLinkAreShown() {
        long eventId = fx.active(owner);
        for (String name : List.of("김민수", "이영희", "박지민")) {
            var entered = fx.api.post("/api/v1/public/events/" + eventId + "/participations", null,
                    Map.of("name", name, "phone", PageFixtures.uniquePhone(), "entryPath", "INSTAGRAM", "consent", true));
            assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        }
        jdbc.update("update events set status = 'ENDED', step = 'ENDED', end_at = now() where id = ?", eventId);
        var draw = fx.api.post("/api/v1/events/" + eventId + "/draw-winners", owner.token(),
                Map.of("winnerCount", 2, "algorithm", "RANDOM"));
        assertThat(draw.status()).as(draw.toString()).isEqualTo(201);

        WebDriver d = browser.driver();
        new WebDriverWait(d, Duration.ofSeconds(15)).until(driver -> {
            driver.get(fx.base + "/e/" + eventId); // the page's event cache notices the end within its TTL
            return !driver.findElements(By.id("winners")).isEmpty();
        });
        List<WebElement> rows = d.findElements(By.cssSelector("#winners tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).containsPattern("\\*").contains("010-****-");
        assertThat(d.findElement(By.id("proof-link")).getAttribute("href")).endsWith("/e/" + eventId + "/draw");
        checked(browser, "event-page-drawn");
    }

    @Test
    void unknownDraftAndCancelledEventsAreAFriendly404Page() {
        long draft = fx.events.event(owner, "DRAFT", null, null);
        long cancelled = fx.events.event(owner, "CANCELLED", null, null);
        for (String path : List.of("/e/999999999", "/e/" + draft, "/e/" + cancelled, "/e/not-a-number")) {
            var page = fx.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("이벤트를 찾을 수 없습니다");
        }
        open(browser, "/e/" + draft);
        checked(browser, "event-page-not-found");
    }

    @Test
    void thePageIsServedWithTheStrictCspAndItsAssetsFromThisOrigin() {
        long eventId = fx.active(owner);
        var page = fx.get("/e/" + eventId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(PageSecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(page.body()).doesNotContain("style=", "<script>", "src=\"http", "href=\"http")
                .contains("src=\"/api/v1/images/page-test-" + eventId + ".png\"", "src=\"/assets/js/event-page.js\"");
        assertThat(fx.get("/assets/js/event-page.js").status()).isEqualTo(200);
    }

    @Test
    void aFormPostedAfterTheEventClosedSaysSoWithTheDatesAndEntersNothing() throws InterruptedException {
        long eventId = fx.active(owner);
        String key = keyIn(fx.get("/e/" + eventId).body());
        jdbc.update("update events set status = 'ENDED', step = 'ENDED', end_at = now() where id = ?", eventId);
        Thread.sleep(2_500); // the event cache's TTL (kt.participation.event-cache-ttl)
        var page = fx.post(eventId, PageFixtures.form("김민수", PageFixtures.uniquePhone(), true, "INSTAGRAM", key));
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.body()).contains(EventPageController.NOT_OPEN, "종료된 이벤트").doesNotContain("id=\"entry\"");
        assertThat(fx.participants(eventId)).isZero();
    }

    private static String keyIn(String html) {
        var m = java.util.regex.Pattern.compile("name=\"key\" value=\"([A-Za-z0-9_-]{24})\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    private static String entryNumberIn(String html) {
        var m = java.util.regex.Pattern.compile("id=\"entry-number\"[^>]*>(\\d+)<").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    /** Opens a page of the gateway and returns the driver. */
    private WebDriver open(Browser b, String path) {
        b.driver().get(fx.base + path);
        return b.driver();
    }

    /** Fills the form and returns its submit button. */
    private static WebElement fill(WebDriver d, String name, String phone, boolean consent) {
        d.findElement(By.id("name")).clear();
        d.findElement(By.id("name")).sendKeys(name);
        d.findElement(By.id("phone")).clear();
        d.findElement(By.id("phone")).sendKeys(phone);
        WebElement box = d.findElement(By.id("consent"));
        if (box.isSelected() != consent) {
            box.sendKeys(Keys.SPACE); // a click hangs ChromeDriver when the page's scripts are off; a key press does not
        }
        return d.findElement(By.id("entry-submit"));
    }

    private static WebElement waitFor(WebDriver d, String id) {
        return new WebDriverWait(d, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** Screenshot, axe-core and the console of the page shown now: no serious violation, no CSP violation. */
    private static void checked(Browser b, String name) {
        b.screenshot(name);
        assertThat(b.consoleMessages()).as(name).noneMatch(m -> m.contains("Content Security Policy"));
        Accessibility.assertNoSeriousViolations(b.driver(), name);
    }
}
