package com.kt.eventmarketing.console;

import com.kt.eventmarketing.events.EventProgress;
import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.ApiGatewayApplication;
import com.kt.eventmarketing.gateway.WorkersAndSandbox;
import com.kt.eventmarketing.testsupport.WithRealServers;
import com.kt.eventmarketing.testsupport.browser.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner console in a real browser against the whole running service (gateway, workers, sandbox, real servers):
 * the owner only uses the console; the customers' entries go through the public JSON API.
 */
@WithRealServers
@ExtendWith(WorkersAndSandbox.class)
@SpringBootTest(classes = ApiGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ConsoleJourneyTest {
    @LocalServerPort
    int port;
    ApiClient api;
    Sandbox sandbox;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        sandbox = new Sandbox(WorkersAndSandbox.sandboxUrl());
    }

    @AfterEach
    void healSandbox() {
        sandbox.healAll();
    }

    @Test
    void ownerRunsAWholeEventOnAPhoneFromSignUpToResults() {
        long began = System.nanoTime();
        try (Browser browser = Browser.open(Browser.PHONE)) {
            Console console = new Console(browser, port, "phone");
            OwnerSteps owner = new OwnerSteps(console);
            owner.signUp();
            console.check("dashboard-empty");
            sandbox.fault("ai", Map.of("latencyMs", 2500)); // slow enough that the AI's progress is on screen
            long eventId = owner.createEvent("NEW_CUSTOMERS");
            sandbox.heal("ai");
            owner.pickRecommendation(1, "주말 치킨 대잔치");
            owner.editPoster("매장에서 QR을 찍고 응모하세요");

            // Checks at the field: a radius the channel can't take (console), an end before the start (the API's answer)
            owner.chooseChannels(OwnerSteps.ALL_CHANNELS, 30, 10);
            console.type("settings.URIDONGNETV.radiusMeters", "50");
            console.press("채널과 기간 저장");
            assertThat(console.errorAt("settings.URIDONGNETV.radiusMeters")).contains("100~5,000");
            console.type("settings.URIDONGNETV.radiusMeters", "700");
            console.press("채널과 기간 저장");
            console.awaitValue(() -> "true".equals(console.invalid("endAt")) ? true : null, Duration.ofSeconds(20));
            assertThat(console.errorAt("endAt")).isEqualTo("종료 시각은 시작 시각보다 뒤여야 합니다.");
            console.check("channels-api-error-at-field");
            long thinking = System.nanoTime() - began;

            owner.chooseChannels(OwnerSteps.ALL_CHANNELS, 25, 85);
            owner.approve();
            console.awaitText("[role=status]", "6개 채널 중 6개 게시됨", Duration.ofSeconds(60));
            assertThat(browser.driver().findElements(By.partialLinkText("게시물 보기"))).hasSizeGreaterThanOrEqualTo(1);
            console.check("distribution-published");
            System.out.printf("first event through the console: %d s from sign-up to approval (browser typing at machine speed)%n",
                    Duration.ofNanos(System.nanoTime() - began).toSeconds());

            String token = owner.token();
            awaitStatus(token, eventId, "ACTIVE");
            console.click("a[href='#/events/" + eventId + "/running']");
            console.awaitHeading("이벤트 운영");
            String link = console.awaitValue(() -> (String) console.script(
                    "return document.getElementById('participation-link')?.textContent"), Duration.ofSeconds(20));
            assertThat(link).startsWith("http://127.0.0.1:" + port + "/").contains(Long.toString(eventId));
            List<String> paths = List.of("STORE_VISIT", "STORE_VISIT", "INSTAGRAM", "INSTAGRAM", "NAVER_BLOG");
            for (int i = 0; i < paths.size(); i++) {
                var entered = api.post("/api/v1/public/events/" + eventId + "/participations", null, Map.of(
                        "name", "손님" + "가나다라마".charAt(i), "phone", String.format("010-5%03d-%04d", eventId % 1000, i),
                        "entryPath", paths.get(i), "consent", true));
                assertThat(entered.status()).as(entered.body()).isEqualTo(201);
            }
            browser.driver().navigate().refresh();
            console.awaitText("[role=status]", "총 5명", Duration.ofSeconds(20));
            console.select("entryPath", "STORE_VISIT");
            console.press("검색");
            console.awaitText("[role=status]", "총 2명", Duration.ofSeconds(20));
            assertThat(console.bodyText()).contains("010-****").doesNotContain(String.format("010-5%03d-0000", eventId % 1000));
            console.check("running-participants");

            awaitStatus(token, eventId, "ENDED");
            browser.driver().navigate().refresh();
            console.awaitHeading("이벤트 운영");
            console.type("winnerCount", "2");
            console.press("추첨하기");
            console.awaitText("h2", "추첨 결과", Duration.ofSeconds(20));
            assertThat(browser.driver().findElements(By.cssSelector(".winners li"))).hasSize(2);
            console.click("details summary");
            console.check("draw-proof");

            console.goTo("/events/" + eventId + "/results");
            console.awaitHeading("이벤트 결과");
            console.awaitText(".stat", "5명", Duration.ofSeconds(20));
            console.awaitText(".live-state", "실시간으로 갱신 중", Duration.ofSeconds(20));
            assertThat(console.bodyText()).contains("채널별 참여자").contains("참여 경로별 참여자");
            console.check("results");
            System.out.printf("console journey: %d s of which %d s from sign-up to the channels form%n",
                    Duration.ofNanos(System.nanoTime() - began).toSeconds(), Duration.ofNanos(thinking).toSeconds());
        }
    }

    private JsonNode awaitStatus(String token, long eventId, String status) {
        return EventProgress.await(api, token, eventId, d -> d.get("status").asString().equals(status), Duration.ofSeconds(120));
    }
}
