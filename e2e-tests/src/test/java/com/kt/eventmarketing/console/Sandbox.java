package com.kt.eventmarketing.console;

import com.kt.eventmarketing.gateway.ApiClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The sandbox's admin API: faults per endpoint group (docs/external-systems.md, "The sandbox and its admin API"). */
final class Sandbox {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Sandbox(String base) {
        this.base = base;
    }

    void fault(String group, Map<String, Object> fault) {
        send(HttpRequest.newBuilder(URI.create(base + "/admin/faults/" + group)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(ApiClient.json(fault))));
    }

    void heal(String group) {
        fault(group, Map.of());
    }

    void healAll() {
        send(HttpRequest.newBuilder(URI.create(base + "/admin/faults")).DELETE());
    }

    private void send(HttpRequest.Builder request) {
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 300) {
                throw new IllegalStateException("sandbox admin answered " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
