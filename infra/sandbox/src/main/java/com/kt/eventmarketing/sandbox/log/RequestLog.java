package com.kt.eventmarketing.sandbox.log;

import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Every provider request since the last clear, oldest first, so tests can count what really reached a provider.
 * Bounded: a long-running local stack keeps the newest {@value #CAPACITY} requests.
 */
@Component
public class RequestLog {

    static final int CAPACITY = 100_000;

    private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();

    public synchronized void record(RecordedRequest request) {
        if (requests.size() >= CAPACITY) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    /** The requests matching both filters; a null filter matches everything. */
    public synchronized List<RecordedRequest> find(String group, String idempotencyKey) {
        return requests.stream()
                .filter(r -> group == null || group.equalsIgnoreCase(r.group()))
                .filter(r -> idempotencyKey == null || idempotencyKey.equals(r.idempotencyKey()))
                .toList();
    }

    public synchronized void clear() {
        requests.clear();
    }
}
