package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.shared.LogFields;
import com.kt.eventmarketing.shared.Topics;
import com.kt.eventmarketing.shared.outbox.OutboxRelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Batch listener for the three analytics topics (consumer group {@code kt.analytics.group-id}, default
 * {@code analytics}). Per batch: parse every record, apply all of them to the projections in one PostgreSQL
 * transaction (message ids claimed in the same transaction), then acknowledge, which commits the offsets. A crash
 * after the commit and before the acknowledgement re-delivers the batch, and the claimed ids make it a no-op.
 * <p>A record that cannot be parsed is reported with {@link BatchListenerFailedException}: the records before it
 * are applied and committed first, the error handler sends it to {@code <topic>.DLT} and continues after it. If the
 * batch transaction fails, the records are applied one by one to find the one that fails; that one is retried with
 * back-off and then dead-lettered, the others stay applied.
 * <p>Metrics: {@code kt.analytics.messages} (topic, outcome applied|duplicate; its rate is the processing rate),
 * {@code kt.analytics.batch} (timer), {@code kt.analytics.consumer.lag} (records behind the log end, per topic),
 * {@code kt.analytics.dead.letters} (see {@link AnalyticsKafkaConfiguration}).
 */
@Component
@ConditionalOnProperty(name = "kt.analytics.consumer-enabled", havingValue = "true", matchIfMissing = true)
public class AnalyticsConsumer {
    public static final String LISTENER_ID = "analytics";
    private static final Logger log = LoggerFactory.getLogger(AnalyticsConsumer.class);

    private final AnalyticsProjection projection;
    private final LiveCounters live;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Timer batchTimer;
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private volatile FaultHook faultHook;

    /** Test seam: runs after the database commit and before the acknowledgement (a crash there must lose nothing). */
    public interface FaultHook {
        void afterCommitBeforeAck(List<ConsumerRecord<String, String>> records);
    }

    public AnalyticsConsumer(AnalyticsProjection projection, LiveCounters live, TransactionTemplate tx, JsonMapper json,
                             MeterRegistry meters) {
        this.projection = projection;
        this.live = live;
        this.tx = tx;
        this.json = json;
        this.meters = meters;
        this.batchTimer = Timer.builder("kt.analytics.batch").description("analytics batch processing time")
                .register(meters);
        for (String topic : Topics.ALL) {
            Gauge.builder("kt.analytics.consumer.lag", lag, l -> l.entrySet().stream()
                            .filter(e -> e.getKey().topic().equals(topic)).mapToLong(Map.Entry::getValue).sum())
                    .tag("topic", topic).description("records on the topic not yet consumed by the analytics group")
                    .register(meters);
        }
    }

    public void setFaultHook(FaultHook hook) {
        this.faultHook = hook;
    }

    @KafkaListener(id = LISTENER_ID, containerFactory = AnalyticsKafkaConfiguration.FACTORY, batch = "true",
            topics = {Topics.EVENT_CREATED, Topics.PARTICIPANT_REGISTERED, Topics.DISTRIBUTION_COMPLETED})
    public void onBatch(List<ConsumerRecord<String, String>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        Timer.Sample sample = Timer.start(meters);
        try {
            List<AnalyticsMessage> parsed = new ArrayList<>(records.size());
            PoisonMessageException poison = null;
            for (ConsumerRecord<String, String> record : records) {
                try {
                    parsed.add(AnalyticsMessage.parse(json, record.topic(), record.value(), header(record, "message-id")));
                } catch (PoisonMessageException e) {
                    poison = e;
                    break;
                }
            }
            apply(records, parsed);
            FaultHook hook = faultHook;
            if (hook != null) {
                hook.afterCommitBeforeAck(records);
            }
            if (poison != null) {
                ConsumerRecord<String, String> bad = records.get(parsed.size());
                String traceId = header(bad, OutboxRelay.TRACE_ID_HEADER);
                try (var ignored = traceId == null ? null : MDC.putCloseable(LogFields.TRACE_ID, traceId)) {
                    log.warn("poison message at {}-{}@{}: {}", bad.topic(), bad.partition(), bad.offset(), poison.getMessage());
                }
                throw new BatchListenerFailedException(poison.getMessage(), poison, bad);
            }
            ack.acknowledge();
        } finally {
            sample.stop(batchTimer);
            recordLag(consumer);
        }
    }

    private void apply(List<ConsumerRecord<String, String>> records, List<AnalyticsMessage> parsed) {
        if (parsed.isEmpty()) {
            return;
        }
        AnalyticsProjection.Outcome outcome;
        try {
            outcome = tx.execute(status -> projection.apply(parsed));
        } catch (RuntimeException batchFailed) {
            log.warn("analytics batch of {} failed ({}); applying one by one", parsed.size(), batchFailed.toString());
            for (int i = 0; i < parsed.size(); i++) {
                AnalyticsMessage message = parsed.get(i);
                try {
                    AnalyticsProjection.Outcome one = tx.execute(status -> projection.apply(List.of(message)));
                    afterCommit(one);
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException("could not apply " + message.messageId(), e, records.get(i));
                }
            }
            return;
        }
        afterCommit(outcome);
    }

    private void afterCommit(AnalyticsProjection.Outcome outcome) {
        outcome.appliedByTopic().forEach((topic, n) ->
                meters.counter("kt.analytics.messages", "topic", topic, "outcome", "applied").increment(n));
        if (outcome.duplicates() > 0) {
            meters.counter("kt.analytics.messages", "topic", "any", "outcome", "duplicate").increment(outcome.duplicates());
        }
        live.refresh(outcome.changedEvents());
    }

    private void recordLag(Consumer<?, ?> consumer) {
        try {
            var assigned = consumer.assignment();
            for (TopicPartition partition : assigned) {
                consumer.currentLag(partition).ifPresent(value -> lag.put(partition, value));
            }
        } catch (RuntimeException e) {
            log.debug("consumer lag not available: {}", e.toString());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
