package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.testsupport.browser.Browser;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draw's test vectors are Java's results, and the page's JavaScript gets the same ones in a real browser.
 * The module is served from the gateway's classpath by a bare HTTP server (module scripts and WebCrypto need an
 * http origin; 127.0.0.1 counts as a secure context), so this runs without the application's servers.
 */
class DrawVerificationVectorsTest {
    private static HttpServer server;

    @BeforeAll
    static void serveTheModules() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.startsWith("/assets/js/") && !path.contains("..")) {
                try (InputStream in = DrawVerificationVectorsTest.class.getResourceAsStream("/static" + path)) {
                    body = in == null ? null : in.readAllBytes();
                }
                type = "text/javascript; charset=utf-8";
            } else {
                body = "<!DOCTYPE html><html lang=\"ko\"><title>vectors</title></html>".getBytes(StandardCharsets.UTF_8);
                type = "text/html; charset=utf-8";
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void theCheckedInVectorsAreWhatTheJavaImplementationComputes() {
        var generated = DrawVectors.generate();
        if (Boolean.getBoolean("kt.writeDrawVectors")) {
            DrawVectors.write(generated);
        }
        // compared as parsed text, so that number node types (int/long) do not matter
        assertThat(DrawVectors.checkedIn().equals(DrawVectors.JSON.readTree(generated.toString())))
                .as("docs/draw-verification-vectors.json is stale: regenerate with -Dkt.writeDrawVectors=true").isTrue();
        JsonNode uniform = generated.get("uniform");
        assertThat(uniform.get(0).get("leadingRejectedWords").asInt()).as("a vector rejects words").isPositive();
    }

    @Test
    void theSpecificationListsTheVectorsWithTheirWinners() throws IOException {
        String doc = Files.readString(DrawVectors.file().resolveSibling("draw-verification.md"));
        for (JsonNode vector : DrawVectors.checkedIn().get("draws")) {
            List<String> winners = new ArrayList<>();
            vector.get("winners").forEach(w -> winners.add(w.asString()));
            String shown = String.join(", ", winners.subList(0, Math.min(10, winners.size())));
            assertThat(doc).as("docs/draw-verification.md lists " + vector.get("name"))
                    .contains("| " + vector.get("name").asString() + " | ").contains(" | " + shown);
        }
    }

    @Test
    void thePagesModuleRecomputesEveryVectorLikeJava() throws IOException {
        JsonNode vectors = DrawVectors.checkedIn();
        JsonNode results;
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.driver().get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            results = DrawVectors.JSON.readTree((String) browser.driver().executeAsyncScript(
                    script("vectors-in-browser.js"), vectors.toString()));
        }
        assertThat(results.has("error")).as(results.toString()).isFalse();
        JsonNode draws = vectors.get("draws");
        for (int i = 0; i < draws.size(); i++) {
            JsonNode java = draws.get(i);
            JsonNode js = results.get("draws").get(i);
            String name = java.get("name").asString();
            assertThat(js.get("commitment").toString()).as(name + " commitment").isEqualTo(java.get("commitment").toString());
            assertThat(js.get("snapshotHash").toString()).as(name + " snapshot hash").isEqualTo(java.get("snapshotHash").toString());
            assertThat(js.get("firstWords").toString()).as(name + " words").isEqualTo(java.get("firstWords").toString());
            assertThat(js.get("winners").toString()).as(name + " winners").isEqualTo(java.get("winners").toString());
            assertThat(js.get("verified").asBoolean()).as(name + " verify(proof)").isTrue();
            // each altered proof fails the check it concerns: [commitment, snapshot, winners, overall]
            JsonNode tampered = js.get("tampered");
            assertThat(tampered.get("ticket").get(0).asBoolean()).as(name + " ticket changed: commitment").isTrue();
            assertThat(tampered.get("ticket").get(1).asBoolean()).as(name + " ticket changed: snapshot").isFalse();
            assertThat(tampered.get("ticket").get(3).asBoolean()).as(name + " ticket changed: overall").isFalse();
            assertThat(tampered.get("seed").get(0).asBoolean()).as(name + " seed changed: commitment").isFalse();
            assertThat(tampered.get("seed").get(1).asBoolean()).as(name + " seed changed: snapshot").isTrue();
            assertThat(tampered.get("seed").get(3).asBoolean()).as(name + " seed changed: overall").isFalse();
            assertThat(tampered.get("winners").toString()).as(name + " winners changed").isEqualTo("[true,true,false,false]");
        }
        JsonNode uniform = vectors.get("uniform");
        for (int i = 0; i < uniform.size(); i++) {
            JsonNode java = uniform.get(i);
            JsonNode js = results.get("uniform").get(i);
            assertThat(js.get("firstWords").toString()).as(java.get("name").asString()).isEqualTo(java.get("firstWords").toString());
            assertThat(js.get("firstValues").toString()).as(java.get("name").asString()).isEqualTo(java.get("firstValues").toString());
        }
    }

    @Test
    void aMillionEntriesAreRecomputedInTheBrowserLikeJava() throws IOException {
        int n = 1_000_000;
        int winnerCount = 1000;
        byte[] seed = DrawVectors.seed("a million");
        int[] tickets = IntStream.range(0, n).map(i -> i % 3 == 0 ? 3 : 1).toArray();
        var hasher = new WinnerDraw.SnapshotHasher();
        for (int i = 0; i < n; i++) {
            hasher.add(i + 1, tickets[i]);
        }
        byte[] hash = hasher.finish();
        int[] java = WinnerDraw.draw(seed, hash, tickets, winnerCount);
        JsonNode js;
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.driver().get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            js = DrawVectors.JSON.readTree((String) browser.driver().executeAsyncScript(
                    script("million-in-browser.js"), HexFormat.of().formatHex(seed), n, winnerCount));
        }
        assertThat(js.has("error")).as(js.toString()).isFalse();
        assertThat(js.get("snapshotHash").asString()).isEqualTo(HexFormat.of().formatHex(hash));
        assertThat(js.get("winners").size()).isEqualTo(winnerCount);
        for (int rank = 0; rank < winnerCount; rank++) {
            assertThat(js.get("winners").get(rank).asLong()).as("rank " + (rank + 1)).isEqualTo(java[rank] + 1L);
        }
        System.out.printf("browser: snapshot of %,d entries hashed in %d ms, %,d winners drawn in %d ms%n",
                n, js.get("hashMillis").asLong(), winnerCount, js.get("drawMillis").asLong());
    }

    private static String script(String name) throws IOException {
        try (InputStream in = DrawVerificationVectorsTest.class.getResourceAsStream("/draw/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
