package com.kt.eventmarketing.sandbox.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Remembers the first answer per (method, path, Idempotency-Key) and returns it for repeats, so that a retried
 * call never creates a second post. Keys are scoped by path because one logical operation may take several calls
 * (Instagram: create the container, then publish it) under the same key.
 */
@Component
public class IdempotentResponses {

    public static final String HEADER = "Idempotency-Key";
    private static final String REPLAYED_ATTRIBUTE = IdempotentResponses.class.getName() + ".replayed";

    private final Map<String, ResponseEntity<?>> firstAnswers = new HashMap<>();

    /** Runs {@code action} once per key; requests without the header always run it. */
    @SuppressWarnings("unchecked")
    public <T> ResponseEntity<T> once(HttpServletRequest request, Supplier<ResponseEntity<T>> action) {
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank()) {
            return action.get();
        }
        String scopedKey = request.getMethod() + " " + request.getRequestURI() + " " + key;
        synchronized (firstAnswers) {
            ResponseEntity<?> first = firstAnswers.get(scopedKey);
            if (first != null) {
                request.setAttribute(REPLAYED_ATTRIBUTE, Boolean.TRUE);
                return (ResponseEntity<T>) first;
            }
            ResponseEntity<T> answer = action.get();
            if (answer.getStatusCode().is2xxSuccessful()) {
                firstAnswers.put(scopedKey, answer);
            }
            return answer;
        }
    }

    public static boolean wasReplayed(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(REPLAYED_ATTRIBUTE));
    }

    public void clear() {
        synchronized (firstAnswers) {
            firstAnswers.clear();
        }
    }
}
