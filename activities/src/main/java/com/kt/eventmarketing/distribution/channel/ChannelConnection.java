package com.kt.eventmarketing.distribution.channel;

import com.kt.eventmarketing.shared.resilience.ExternalCallGuard;
import org.springframework.web.client.RestClient;

import java.util.function.Function;

/** A channel's HTTP client, account and the breaker + bulkhead every call to it goes through. */
public final class ChannelConnection {

    /** Sent on every publishing call; a retried publish must not post twice. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final String breakerName;
    private final RestClient http;
    private final String accountId;
    private final ExternalCallGuard guard;

    ChannelConnection(String breakerName, RestClient http, String accountId, ExternalCallGuard guard) {
        this.breakerName = breakerName;
        this.http = http;
        this.accountId = accountId;
        this.guard = guard;
    }

    public String accountId() {
        return accountId;
    }

    public <T> T call(Function<RestClient, T> call) {
        return guard.callIsolated(breakerName, () -> call.apply(http));
    }
}
