package com.kt.eventmarketing.console;

import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.ApiGatewayApplication;
import com.kt.eventmarketing.gateway.Owners;
import com.kt.eventmarketing.gateway.WorkersAndSandbox;
import com.kt.eventmarketing.testsupport.WithRealServers;
import com.kt.eventmarketing.testsupport.browser.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console on a desktop when things go wrong: a channel that fails and is retried from the console, cancelling
 * with what is retracted, another owner's event typed into the address, and a session the server refuses.
 */
@WithRealServers
@ExtendWith(WorkersAndSandbox.class)
@SpringBootTest(classes = ApiGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ConsoleRepairTest {
    @LocalServerPort
    int port;

    @AfterEach
    void healSandbox() {
        new Sandbox(WorkersAndSandbox.sandboxUrl()).healAll();
    }

    @Test
    void ownerRetriesAFailedChannelCancelsMeetsNotFoundAndHisSessionIsRenewedThenEnded() {
        Sandbox sandbox = new Sandbox(WorkersAndSandbox.sandboxUrl());
        try (Browser browser = Browser.open(Browser.DESKTOP)) {
            Console console = new Console(browser, port, "desktop");
            OwnerSteps owner = new OwnerSteps(console);
            owner.signUp();
            long eventId = owner.createEvent("REVISIT");
            owner.pickRecommendation(0, "단골 감사 주간");
            owner.editPoster("계산할 때 직원에게 말씀해 주세요");

            sandbox.fault("instagram", Map.of("outage", true));
            owner.chooseChannels(List.of("INSTAGRAM", "NAVER_BLOG", "KAKAO_CHANNEL"), 3600, 7 * 24 * 3600);
            owner.approve();
            console.awaitText("[role=status]", "1개 실패", Duration.ofSeconds(90));
            assertThat(console.await("li[data-channel=INSTAGRAM]").getText()).contains("실패 이유");
            console.check("distribution-failed");

            sandbox.heal("instagram");
            console.press("인스타그램 다시 시도");
            console.awaitText("[role=status]", "3개 채널 중 3개 게시됨", Duration.ofSeconds(90));
            console.check("distribution-retried");

            console.goTo("/events/" + eventId + "/running");
            console.awaitHeading("이벤트 운영");
            console.check("running-before-start");
            console.click("#cancel-event");
            String question = console.await("[role=group]").getText();
            assertThat(question).contains("게시물을 회수합니다: 인스타그램, 네이버 블로그")
                    .contains("회수할 수 없습니다: 카카오 채널");
            console.check("cancel-confirmation");
            console.press("네, 취소합니다");
            console.awaitHeading("이벤트 상태");
            assertThat(console.bodyText()).contains("취소되었습니다");
            console.check("cancelled");

            ApiClient api = new ApiClient(port);
            String stranger = Owners.registerAndToken(api);
            long theirs = api.post("/api/v1/events", stranger, Map.of("objective", "SALES")).json().get("eventId").asLong();
            console.goTo("/events/" + theirs + "/running");
            console.awaitHeading("이벤트를 찾을 수 없습니다");
            console.check("another-owners-event");

            console.goTo("/");
            console.awaitHeading("대시보드");
            console.awaitText("table", "단골 감사 주간", Duration.ofSeconds(20));
            console.check("dashboard");

            // An access token the server no longer takes (here: one it never issued): the console renews the session
            // once with its refresh token and the screen loads as if nothing happened.
            String before = (String) console.script("return JSON.parse(sessionStorage.getItem('kt.console.session')).refreshToken");
            console.script("const s = JSON.parse(sessionStorage.getItem('kt.console.session'));"
                    + "s.accessToken = 'not-a-token'; sessionStorage.setItem('kt.console.session', JSON.stringify(s));");
            console.goTo("/events/" + eventId);
            console.awaitHeading("이벤트 상태");
            assertThat(console.bodyText()).contains("취소되었습니다");
            String renewed = (String) console.script("return JSON.parse(sessionStorage.getItem('kt.console.session')).refreshToken");
            assertThat(renewed).as("rotated by POST /users/refresh").isNotEqualTo(before);
            assertThat(console.script("return JSON.parse(sessionStorage.getItem('kt.console.session')).accessToken"))
                    .isNotEqualTo("not-a-token");
            console.check("session-renewed");

            // The server refuses the session itself (the refresh token too): the console ends it and asks for a new
            // login instead of failing screen by screen.
            console.script("const s = JSON.parse(sessionStorage.getItem('kt.console.session'));"
                    + "s.accessToken = 'not-a-token'; s.refreshToken = 'not-a-refresh-token';"
                    + "sessionStorage.setItem('kt.console.session', JSON.stringify(s));");
            console.goTo("/events/" + eventId + "/results");
            console.awaitHeading("사장님 로그인");
            assertThat(console.bodyText()).contains("로그인이 만료되었습니다");
            assertThat(console.script("return sessionStorage.getItem('kt.console.session')")).isNull();
            console.check("session-ended");
        }
    }
}
