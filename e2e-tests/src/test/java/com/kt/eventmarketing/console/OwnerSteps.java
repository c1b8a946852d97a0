package com.kt.eventmarketing.console;

import com.kt.eventmarketing.gateway.Owners;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner's steps through the console, shared by the phone and desktop journeys; each ends with a screenshot. */
final class OwnerSteps {
    static final List<String> ALL_CHANNELS = List.of("URIDONGNETV", "RINGOBIZ", "GINITV", "INSTAGRAM", "NAVER_BLOG", "KAKAO_CHANNEL");
    private static final Duration WORK = Duration.ofSeconds(90);

    private final Console console;

    OwnerSteps(Console console) {
        this.console = console;
    }

    /** Signs up through the form (the business number checked as it is typed); returns the registration used. */
    @SuppressWarnings("unchecked")
    Map<String, Object> signUp() {
        Map<String, Object> owner = Owners.registration();
        Map<String, Object> store = (Map<String, Object>) owner.get("store");
        console.open("/");
        console.awaitHeading("사장님 로그인");
        console.check("login");
        console.click("a[href='#/signup']");
        console.awaitHeading("회원가입");
        console.type("name", (String) owner.get("name"));
        console.type("phone", (String) owner.get("phone"));
        console.type("email", (String) owner.get("email"));
        console.type("password", (String) owner.get("password"));
        console.type("store.name", (String) store.get("name"));
        console.select("store.businessType", (String) store.get("businessType"));
        console.type("store.address", (String) store.get("address"));
        console.type("store.businessHours", (String) store.get("businessHours"));
        console.type("store.businessNumber", "220-81-62518");
        assertThat(console.errorAt("store.businessNumber")).contains("검증번호가 맞지 않습니다");
        assertThat(console.invalid("store.businessNumber")).isEqualTo("true");
        console.check("signup-wrong-business-number");
        console.type("store.businessNumber", (String) store.get("businessNumber"));
        console.awaitText(".field", "올바른 사업자등록번호입니다", Duration.ofSeconds(5));
        console.press("가입하고 시작하기");
        console.awaitHeading("대시보드");
        return owner;
    }

    /** Picks a purpose and waits for the AI's three plans; returns the event id from the route. */
    long createEvent(String objective) {
        console.click("#screen a[href='#/events/new']");
        console.awaitHeading("새 이벤트");
        console.check("new-event");
        console.click("#objective-" + objective);
        console.press("AI에게 기획 맡기기");
        console.awaitHeading("AI 이벤트 기획");
        long eventId = Long.parseLong(console.route().replaceAll("\\D+", " ").trim().split(" ")[0]);
        if (!console.bodyText().contains("추천안 3가지")) {
            console.await(".work");
            console.check("planning-progress");
        }
        console.awaitText("h2", "추천안 3가지", WORK);
        console.check("recommendations");
        return eventId;
    }

    void pickRecommendation(int index, String title) {
        console.click("input[name=recommendation][value='" + index + "']");
        console.type("title", title);
        console.press("이 안으로 결정하고 포스터 만들기");
        console.awaitHeading("포스터 만들기");
        if (console.bodyText().contains("포스터를 그리는 중")) {
            console.check("poster-progress");
        }
        console.await("input[name=imageId]", WORK);
        console.check("posters");
    }

    /** Picks the last style's first poster, changes a colour and the guide, and waits for the re-drawn preview. */
    void editPoster(String guide) {
        console.script("const all = [...document.querySelectorAll('.style-group')]; all[all.length - 1].querySelector('input').click()");
        console.type("guide", guide);
        console.set("colors.accent", "#1a5fb4");
        console.awaitText(".poster-stage", "다시 그렸습니다", Duration.ofSeconds(30));
        console.check("poster-edited");
        console.press("다음: 채널 고르기");
        console.awaitHeading("채널과 기간");
    }

    /** Ticks the channels, fills 우리동네TV's settings and the period (seconds from now), and saves. */
    void chooseChannels(List<String> channels, int startInSeconds, int endInSeconds) {
        for (String channel : channels) {
            if (!console.await("#channel-" + channel).isSelected()) {
                console.click("#channel-" + channel);
            }
        }
        if (channels.contains("URIDONGNETV")) {
            console.type("settings.URIDONGNETV.radiusMeters", "700");
            console.type("settings.URIDONGNETV.timeSlots", "11:00-14:00,17:00-21:00");
        }
        console.set("startAt", console.localTimeIn(startInSeconds));
        console.set("endAt", console.localTimeIn(endInSeconds));
        console.press("채널과 기간 저장");
    }

    void approve() {
        console.awaitText("h2", "배포 준비 확인", Duration.ofSeconds(20));
        console.check("readiness");
        console.press("승인하고 배포 시작");
        console.awaitHeading("채널 배포");
    }

    /** The access token the console holds (the test reads it to drive the customers' side and to wait for timers). */
    String token() {
        return (String) console.script("return JSON.parse(sessionStorage.getItem('kt.console.session')).accessToken");
    }
}
