package com.kt.eventmarketing.localstack.temporal;

import java.util.Optional;

/** A running Temporal frontend, whichever implementation is behind it. */
public interface TemporalServer extends AutoCloseable {

    /** gRPC target for clients and workers, e.g. {@code 127.0.0.1:7233}. */
    String target();

    /** The Web UI, when this server has one. */
    Optional<String> webUiUrl();

    /** A short human description for start-up logs. */
    String description();

    @Override
    void close();
}
