package com.kt.eventmarketing.sandbox.log;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Every provider request since the last clear, oldest first, so tests can count what really reached a provider. */
@Component
public class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();

    public synchronized void record(RecordedRequest request) {
        requests.add(request);
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
