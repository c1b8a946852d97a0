package com.kt.eventmarketing.participation.page;

import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.participation.verification.PhoneVerifications;
import com.kt.eventmarketing.testsupport.browser.Accessibility;
import com.kt.eventmarketing.testsupport.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional phone verification: the owner's switch, codes sent through the SMS provider (a fake one over HTTP),
 * stored hashed, with expiry, attempt limit and resend throttling; enforced on the page and the JSON API alike.
 */
@GatewayTest(properties = "kt.analytics.consumer-enabled=false")
class PhoneVerificationTest extends PageTestBase {
    static final FakeSmsProvider SMS = new FakeSmsProvider();

    @DynamicPropertySource
    static void sms(DynamicPropertyRegistry registry) {
        registry.add("kt.external.notifications.base-url", SMS::baseUrl);
    }

    @AfterAll
    static void stopSms() {
        SMS.stop();
    }


    @Test
    void theOwnerTurnsItOnForHisEventOnlyAndItIsOffByDefault() {
        long eventId = fx.active(owner);
        String path = "/api/v1/events/" + eventId + "/participation-settings";
        assertThat(fx.api.get(path, owner.token()).json().get("phoneVerification").asBoolean()).isFalse();
        var other = fx.events.owner();
        assertThat(fx.api.put(path, other.token(), Map.of("phoneVerification", true)).status()).isEqualTo(404);
        assertThat(fx.api.get(path, other.token()).status()).isEqualTo(404);
        var bad = fx.api.put(path, owner.token(), Map.of("phoneVerification", "yes"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("phoneVerification");
        var on = fx.api.put(path, owner.token(), Map.of("phoneVerification", true));
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(fx.api.get(path, owner.token()).json().get("phoneVerification").asBoolean()).isTrue();
        assertThat(fx.api.put(path, null, Map.of("phoneVerification", false)).status()).isEqualTo(401);
    }

    @Test
    void onThePageTheCodeFromTheSmsLetsTheCustomerEnter() {
        long eventId = verifiedEvent();
        String phone = PageFixtures.uniquePhone();
        try (Browser browser = Browser.open(Browser.PHONE)) {
            WebDriver d = browser.driver();
            d.get(fx.base + "/e/" + eventId + "?via=INSTAGRAM");
            d.findElement(By.id("name")).sendKeys("김민수");
            d.findElement(By.id("phone")).sendKeys(phone);
            d.findElement(By.id("send-code")).click();
            wait(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("code-sent")));
            assertThat(d.findElement(By.id("phone")).getAttribute("value")).as("kept").isEqualTo(phone);
            browser.screenshot("event-page-code-sent");
            Accessibility.assertNoSeriousViolations(d, "event-page-code-sent");

            d.findElement(By.id("verificationCode")).sendKeys(SMS.lastCodeTo(phone.replace("-", "")));
            d.findElement(By.id("consent")).click();
            d.findElement(By.id("entry-submit")).click();
            String number = wait(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-number"))).getText();
            assertThat(fx.entryPath(eventId, Long.parseLong(number))).isEqualTo("INSTAGRAM");
            assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
        }
    }

    @Test
    void withoutTheRightCodeThereIsNoEntryAndWrongAnswersAreLimited() {
        long eventId = verifiedEvent();
        String phone = PageFixtures.uniquePhone();
        var form = PageFixtures.form("김민수", phone, true, "INSTAGRAM", "k-" + System.nanoTime());
        var noCode = fx.post(eventId, form);
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.body()).contains(PhoneVerifications.REQUIRED);

        assertThat(fx.post(eventId, "/verification", form).status()).isEqualTo(200);
        String code = SMS.lastCodeTo(phone.replace("-", ""));
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            form.put("verificationCode", wrong);
            var page = fx.post(eventId, form);
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.body()).contains("인증번호가 맞지 않습니다");
        }
        form.put("verificationCode", code);
        assertThat(fx.post(eventId, form).body()).as("attempts used up").contains("여러 번 틀렸습니다");
        assertThat(fx.participants(eventId)).isZero();

        var api = fx.api.post("/api/v1/public/events/" + eventId + "/participations", null,
                Map.of("name", "이영희", "phone", PageFixtures.uniquePhone(), "entryPath", "INSTAGRAM", "consent", true));
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.json().get("errors").get(0).get("field").asString()).isEqualTo(PhoneVerifications.FIELD);
    }

    @Test
    void codesExpireAreStoredHashedAndCannotBeResentAtOnce() {
        long eventId = verifiedEvent();
        String phone = PageFixtures.uniquePhone();
        var sent = fx.api.post("/api/v1/public/events/" + eventId + "/phone-verifications", null, Map.of("phone", phone));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.json().get("expiresInSeconds").asLong()).isEqualTo(300);
        String code = SMS.lastCodeTo(phone.replace("-", ""));
        assertThat(SMS.sent.get(SMS.sent.size() - 1).authorization()).isEqualTo("Bearer sandbox");

        String stored = jdbc.queryForObject("select code_hash from phone_verifications where event_id = ?", String.class, eventId);
        assertThat(stored).matches("[0-9a-f]{64}").doesNotContain(code);

        var again = fx.api.post("/api/v1/public/events/" + eventId + "/phone-verifications", null, Map.of("phone", phone));
        assertThat(again.status()).isEqualTo(429);
        assertThat(SMS.sent.stream().filter(s -> s.to().equals(phone.replace("-", ""))).count()).isEqualTo(1);

        jdbc.update("update phone_verifications set expires_at = now() - interval '1 second' where event_id = ?", eventId);
        var late = fx.api.post("/api/v1/public/events/" + eventId + "/participations", null, Map.of("name", "김민수",
                "phone", phone, "entryPath", "INSTAGRAM", "consent", true, "verificationCode", code));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().get("errors").get(0).get("rule").asString()).isEqualTo("expired");

        jdbc.update("update phone_verifications set last_sent_at = now() - interval '2 minutes' where event_id = ?", eventId);
        assertThat(fx.api.post("/api/v1/public/events/" + eventId + "/phone-verifications", null, Map.of("phone", phone))
                .status()).isEqualTo(202);
        var entered = fx.api.post("/api/v1/public/events/" + eventId + "/participations", null, Map.of("name", "김민수",
                "phone", phone, "entryPath", "INSTAGRAM", "consent", true,
                "verificationCode", SMS.lastCodeTo(phone.replace("-", ""))));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
    }

    @Test
    void aFailingSmsProviderIsAPoliteErrorAndLeavesNoThrottle() {
        long eventId = verifiedEvent();
        String phone = PageFixtures.uniquePhone();
        SMS.down.set(true);
        try {
            var page = fx.post(eventId, "/verification", PageFixtures.form("김민수", phone, true, "INSTAGRAM", "k"));
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).contains("인증번호를 보내지 못했습니다");
        } finally {
            SMS.down.set(false);
        }
        assertThat(fx.post(eventId, "/verification", PageFixtures.form("김민수", phone, true, "INSTAGRAM", "k")).status())
                .isEqualTo(200);
    }

    /** An ACTIVE event whose owner turned verification on before the public side first loads it. */
    private long verifiedEvent() {
        long eventId = fx.active(owner);
        var on = fx.api.put("/api/v1/events/" + eventId + "/participation-settings", owner.token(), Map.of("phoneVerification", true));
        assertThat(on.status()).isEqualTo(200);
        return eventId;
    }

    private static WebDriverWait wait(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(15));
    }
}
