package com.kt.eventmarketing.participation;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

import java.util.function.Consumer;

/**
 * The snapshot inside the public proof, written as {@code [[entryNumber, tickets], …]} while the answer is being
 * sent, straight from the database cursor: a draw over a million entries never becomes a JSON tree or a list in
 * the gateway's memory (the response buffer flushes as it fills).
 */
@JsonSerialize(using = StreamedSnapshot.Writer.class)
public final class StreamedSnapshot {
    private final Consumer<DrawSnapshot.Sink> source;

    /** @param source streams the entries into the sink it is given, in snapshot order */
    StreamedSnapshot(Consumer<DrawSnapshot.Sink> source) {
        this.source = source;
    }

    static final class Writer extends ValueSerializer<StreamedSnapshot> {
        @Override
        public void serialize(StreamedSnapshot snapshot, JsonGenerator json, SerializationContext context) {
            json.writeStartArray();
            snapshot.source.accept((entryNumber, tickets) -> {
                json.writeStartArray();
                json.writeNumber(entryNumber);
                json.writeNumber(tickets);
                json.writeEndArray();
            });
            json.writeEndArray();
        }
    }
}
