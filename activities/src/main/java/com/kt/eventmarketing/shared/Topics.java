package com.kt.eventmarketing.shared;

import java.util.List;

/** Kafka topic names: the one place they are spelled. Messages are keyed by event id. */
public final class Topics {
    public static final String EVENT_CREATED = "event.created";
    public static final String PARTICIPANT_REGISTERED = "participant.registered";
    public static final String DISTRIBUTION_COMPLETED = "distribution.completed";

    public static final List<String> ALL = List.of(EVENT_CREATED, PARTICIPANT_REGISTERED, DISTRIBUTION_COMPLETED);

    private Topics() {
    }
}
