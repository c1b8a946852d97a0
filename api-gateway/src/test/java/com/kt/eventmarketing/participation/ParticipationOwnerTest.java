package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.gateway.GatewayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner's side on the real servers: masked lists and CSV, ownership, and the verifiable draw. */
@GatewayTest
class ParticipationOwnerTest {
    private static final String[] NAMES = {"김민수", "이영희", "박철수", "최지우", "정하늘", "Alice"};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ParticipationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new ParticipationFixtures(jdbc, port);
    }

    /** n entries; every third comes from a store visit. Returns the phones used, in order. */
    private List<String> enterMany(long eventId, int n) {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String phone = ParticipationFixtures.uniquePhone();
            var r = fx.enter(eventId, ParticipationFixtures.entry(NAMES[i % NAMES.length], phone,
                    i % 3 == 0 ? "STORE_VISIT" : "INSTAGRAM"), null);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            phones.add(phone);
        }
        return phones;
    }

    @Test
    void listIsMaskedPagedAndFiltered() {
        var owner = fx.owner();
        long eventId = fx.event(owner, "ACTIVE");
        List<String> phones = enterMany(eventId, 12);
        String base = "/api/v1/events/" + eventId + "/participants";

        var page = fx.get(base + "?size=10", owner.token());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("totalElements").asLong()).isEqualTo(12);
        assertThat(page.json().get("content").size()).isEqualTo(10);
        assertThat(fx.get(base + "?size=10&page=1", owner.token()).json().get("content").size()).isEqualTo(2);
        JsonNode first = page.json().get("content").get(0);
        assertThat(first.get("name").asString()).isEqualTo("김*수");
        String digits = phones.get(0).replace("-", "");
        assertThat(first.get("phone").asString()).isEqualTo("010-****-" + digits.substring(7));
        for (String phone : phones) {
            assertThat(page.body()).doesNotContain(phone.replace("-", "")).doesNotContain(phone);
        }
        assertThat(page.body()).doesNotContain("민수").doesNotContain("Alice");

        for (String size : new String[]{"9", "101", "abc"}) {
            var bad = fx.get(base + "?size=" + size, owner.token());
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
        }
        assertThat(fx.get(base + "?entryPath=STORE_VISIT", owner.token()).json().get("totalElements").asLong()).isEqualTo(4);
        assertThat(fx.get(base + "?entryPath=TIKTOK", owner.token()).json().get("errors").get(0).get("field").asString())
                .isEqualTo("entryPath");
        assertThat(fx.get(base + "?name=" + java.net.URLEncoder.encode("이영희", StandardCharsets.UTF_8), owner.token())
                .json().get("totalElements").asLong()).isEqualTo(2);
        var byPhone = fx.get(base + "?phone=" + phones.get(5), owner.token()).json();
        assertThat(byPhone.get("totalElements").asLong()).isEqualTo(1);
        assertThat(byPhone.get("content").get(0).get("name").asString()).isEqualTo("A***e");
        assertThat(fx.get(base + "?phone=12", owner.token()).status()).isEqualTo(400);
        assertThat(fx.get(base + "?isWinner=true", owner.token()).json().get("totalElements").asLong()).isZero();
        assertThat(fx.get(base + "?isWinner=maybe", owner.token()).status()).isEqualTo(400);
    }

    @Test
    void csvExportHasTheBomCorrectHangulAndMaskedValues() {
        var owner = fx.owner();
        long eventId = fx.event(owner, "ACTIVE");
        List<String> phones = enterMany(eventId, 7);
        var csv = fx.get("/api/v1/events/" + eventId + "/participants/export", owner.token());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        assertThat(Arrays.copyOf(csv.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv.bytes(), 3, csv.bytes().length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo("응모번호,이름,전화번호,참여경로,당첨여부,당첨순위,참여일시");
        assertThat(lines).hasSize(8);
        assertThat(lines[1]).contains(",김*수,010-****-" + phones.get(0).substring(9) + ",STORE_VISIT,N,,");
        assertThat(lines[2]).contains(",이*희,");
        for (String phone : phones) {
            assertThat(text).doesNotContain(phone.replace("-", "")).doesNotContain(phone);
        }
        assertThat(text).doesNotContain("김민수");
    }

    @Test
    void everyLookAtEntrantsIsRecordedAndTheOwnerCanReadTheRecord() {
        var owner = fx.owner();
        var other = fx.owner();
        long eventId = fx.event(owner, "ACTIVE");
        enterMany(eventId, 12);
        String base = "/api/v1/events/" + eventId;
        assertThat(fx.get(base + "/participants?size=10", owner.token()).status()).isEqualTo(200);
        assertThat(fx.get(base + "/participants/export", owner.token()).status()).isEqualTo(200);
        fx.end(eventId);
        assertThat(fx.post(base + "/draw-winners", owner.token(), Map.of("winnerCount", 2, "algorithm", "RANDOM")).status())
                .isEqualTo(201);
        assertThat(fx.get(base + "/draw", owner.token()).status()).isEqualTo(200);

        var log = fx.get(base + "/personal-data-access", owner.token());
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        assertThat(log.json().get("totalElements").asLong()).isEqualTo(4);
        List<String> seen = new ArrayList<>();
        log.json().get("content").forEach(a -> seen.add(a.get("action").asString() + ":" + a.get("rows").asLong()));
        assertThat(seen).containsExactly("DRAW_VIEW:2", "DRAW:2", "EXPORT:12", "LIST:10");
        assertThat(jdbc.queryForObject("select count(distinct owner_id) from personal_data_access where event_id = ?",
                Long.class, eventId)).isEqualTo(1);
        assertThat(fx.get(base + "/personal-data-access", other.token()).status()).isEqualTo(404);
    }

    @Test
    void anotherOwnerCannotListExportOrDrawAnEvent() {
        var a = fx.owner();
        var b = fx.owner();
        long eventId = fx.event(a, "ACTIVE");
        enterMany(eventId, 3);
        fx.end(eventId);
        String base = "/api/v1/events/" + eventId;
        assertThat(fx.get(base + "/participants", b.token()).status()).isEqualTo(404);
        assertThat(fx.get(base + "/participants/export", b.token()).status()).isEqualTo(404);
        assertThat(fx.get(base + "/draw", b.token()).status()).isEqualTo(404);
        assertThat(fx.post(base + "/draw-winners", b.token(), Map.of("winnerCount", 1, "algorithm", "RANDOM")).status()).isEqualTo(404);
        assertThat(fx.get(base + "/participants", null).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from participants where event_id = ? and is_winner", Long.class, eventId)).isZero();
        assertThat(fx.get(base + "/participants", a.token()).status()).isEqualTo(200);
    }

    @Test
    void drawRulesAre400And409AsTheDesignSays() {
        var owner = fx.owner();
        long eventId = fx.event(owner, "ACTIVE");
        enterMany(eventId, 3);
        String draw = "/api/v1/events/" + eventId + "/draw-winners";
        var early = fx.post(draw, owner.token(), Map.of("winnerCount", 1, "algorithm", "RANDOM"));
        assertThat(early.status()).as("entries are still open").isEqualTo(409);
        fx.end(eventId);
        record Bad(Map<String, Object> body, String field) {
        }
        for (Bad bad : List.of(new Bad(Map.of("winnerCount", 0, "algorithm", "RANDOM"), "winnerCount"),
                new Bad(Map.of("winnerCount", "two", "algorithm", "RANDOM"), "winnerCount"),
                new Bad(Map.of("winnerCount", 1, "algorithm", "LOTTERY"), "algorithm"),
                new Bad(Map.of("winnerCount", 1, "algorithm", "WEIGHTED", "visitBonus", 4), "visitBonus"),
                new Bad(Map.of("winnerCount", 1, "algorithm", "WEIGHTED", "visitBonus", 0), "visitBonus"))) {
            var r = fx.post(draw, owner.token(), bad.body());
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(bad.field());
        }
        var tooMany = fx.post(draw, owner.token(), Map.of("winnerCount", 4, "algorithm", "RANDOM"));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").get(0).get("message").asString()).isEqualTo("참여자 수가 부족합니다");
        assertThat(fx.post(draw, owner.token(), Map.of("winnerCount", 3, "algorithm", "RANDOM")).status()).isEqualTo(201);
        var again = fx.post(draw, owner.token(), Map.of("winnerCount", 1, "algorithm", "RANDOM"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).isEqualTo("이미 추첨이 완료된 이벤트입니다");
    }

    @Test
    void concurrentDrawsGiveExactlyOneDrawAndTheRest409() throws Exception {
        var owner = fx.owner();
        long eventId = fx.event(owner, "ACTIVE");
        enterMany(eventId, 10);
        fx.end(eventId);
        Map<Integer, Integer> statuses = ParticipationApiTest.concurrently(8, () -> fx.post("/api/v1/events/" + eventId + "/draw-winners",
                owner.token(), Map.of("winnerCount", 3, "algorithm", "WEIGHTED")).status());
        assertThat(statuses).as(statuses.toString()).containsOnlyKeys(201, 409);
        assertThat(statuses.get(201)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from participants where event_id = ? and is_winner", Long.class, eventId)).isEqualTo(3);
    }

    @Test
    void purgedEntrantsStayListedAndCountedButShowNoPersonalData() throws Exception {
        var owner = fx.owner();
        long eventId = fx.event(owner, "ACTIVE");
        enterMany(eventId, 5);
        fx.end(eventId);
        assertThat(fx.post("/api/v1/events/" + eventId + "/draw-winners", owner.token(),
                Map.of("winnerCount", 2, "algorithm", "RANDOM")).status()).isEqualTo(201);
        // what ParticipationActivities.purgePersonalData(eventId, false) does
        jdbc.update("""
                update participants set name_encrypted = 'purged', phone_encrypted = 'purged', name_hash = 'purged',
                       phone_hash = 'purged-' || id, purged_at = now()
                where event_id = ? and not is_winner""", eventId);

        var page = fx.get("/api/v1/events/" + eventId + "/participants?size=10", owner.token());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("totalElements").asLong()).isEqualTo(5);
        page.json().get("content").forEach(p -> {
            if (p.get("isWinner").asBoolean()) {
                assertThat(p.get("phone").asString()).matches("010-\\*{4}-\\d{4}");
            } else {
                assertThat(p.get("phone").asString()).isEqualTo(PersonalData.PURGED_DISPLAY);
                assertThat(p.get("name").asString()).isEqualTo(PersonalData.PURGED_DISPLAY);
            }
        });
        var drawn = fx.get("/api/v1/events/" + eventId + "/draw", owner.token());
        assertThat(drawn.json().get("winners")).hasSize(2);
        assertThat(fx.get("/api/v1/events/" + eventId + "/participants/export", owner.token()).status()).isEqualTo(200);
    }

    @Test
    void theDrawRecomputedFromItsPublishedProofGivesTheSameWinners() throws Exception {
        var owner = fx.owner();
        long eventId = fx.event(owner, "ACTIVE");
        String committedOnThePublicPage = fx.get("/api/v1/public/events/" + eventId, null).json().get("drawCommitment").asString();
        enterMany(eventId, 40);
        fx.end(eventId);

        var before = fx.get("/api/v1/events/" + eventId + "/draw", owner.token()).json();
        assertThat(before.get("status").asString()).isEqualTo("COMMITTED");
        assertThat(before.get("commitment").asString()).isEqualTo(committedOnThePublicPage);
        assertThat(before.get("seed").isNull()).as("the seed stays secret until the draw").isTrue();

        var drawn = fx.post("/api/v1/events/" + eventId + "/draw-winners", owner.token(),
                Map.of("winnerCount", 7, "algorithm", "WEIGHTED", "visitBonus", 3));
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
        JsonNode proof = fx.get("/api/v1/events/" + eventId + "/draw", owner.token()).json();
        assertThat(proof.get("status").asString()).isEqualTo("DRAWN");
        assertThat(proof.get("algorithmVersion").asString()).isEqualTo(WinnerDraw.VERSION);
        assertThat(proof.get("participantCount").asLong()).isEqualTo(40);
        assertThat(proof.get("totalTickets").asLong()).isEqualTo(40 + 14 * 3);

        // 1. The revealed seed is the committed one.
        byte[] seed = HexFormat.of().parseHex(proof.get("seed").asString());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed))).isEqualTo(committedOnThePublicPage);
        // 2. The snapshot, rebuilt from the export (entry number and entry path), has the published hash.
        String csv = new String(fx.get("/api/v1/events/" + eventId + "/participants/export", owner.token()).bytes(), StandardCharsets.UTF_8);
        List<String> rows = Arrays.stream(csv.substring(1).split("\r\n")).skip(1).toList();
        long[] numbers = new long[rows.size()];
        int[] tickets = new int[rows.size()];
        var hasher = new WinnerDraw.SnapshotHasher();
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",");
            numbers[i] = Long.parseLong(cells[0]);
            tickets[i] = cells[3].equals("STORE_VISIT") ? 1 + proof.get("visitBonus").asInt() : 1;
            hasher.add(numbers[i], tickets[i]);
        }
        byte[] snapshotHash = hasher.finish();
        assertThat(HexFormat.of().formatHex(snapshotHash)).isEqualTo(proof.get("snapshotHash").asString());
        // 3. Re-running the published algorithm gives the published winners, in rank order.
        int[] recomputed = WinnerDraw.draw(seed, snapshotHash, tickets, proof.get("winnerCount").asInt());
        List<Long> expected = Arrays.stream(recomputed).mapToObj(i -> numbers[i]).toList();
        List<Long> published = new ArrayList<>();
        proof.get("winners").forEach(w -> published.add(w.get("entryNumber").asLong()));
        assertThat(published).isEqualTo(expected);
        proof.get("winners").forEach(w -> {
            assertThat(w.get("phone").asString()).matches("010-\\*\\*\\*\\*-\\d{4}");
            assertThat(w.get("name").asString()).contains("*");
        });
        assertThat(fx.get("/api/v1/events/" + eventId + "/participants?isWinner=true", owner.token()).json()
                .get("totalElements").asLong()).isEqualTo(7);
    }
}
