package com.kt.eventmarketing.participation.page;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SMS provider's send endpoint over real HTTP, keeping what it was asked to send (or failing on demand). */
final class FakeSmsProvider {
    private static final Pattern CODE = Pattern.compile("인증번호 (\\d{6})");
    private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([^\"]+)\"");

    record Sms(String to, String text, String authorization) {
        String code() {
            Matcher m = CODE.matcher(text);
            return m.find() ? m.group(1) : null;
        }
    }

    final List<Sms> sent = new CopyOnWriteArrayList<>();
    final AtomicBoolean down = new AtomicBoolean();
    private final HttpServer server;

    FakeSmsProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms/v1/messages", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (down.get()) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            Matcher to = TO.matcher(body);
            sent.add(new Sms(to.find() ? to.group(1) : null, body, exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] answer = "{\"messageId\":\"m-1\",\"status\":\"SENT\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    void stop() {
        server.stop(0);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The code of the last SMS to this phone (digits only, as the gateway sends it). */
    String lastCodeTo(String phoneDigits) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (phoneDigits.equals(sent.get(i).to())) {
                return sent.get(i).code();
            }
        }
        throw new AssertionError("no SMS to " + phoneDigits + " in " + sent.size() + " sent");
    }
}
