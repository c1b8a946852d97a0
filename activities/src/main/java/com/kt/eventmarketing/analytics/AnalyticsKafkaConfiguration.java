package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.shared.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The analytics consumers' own container factory: batch listener, offsets committed by the listener after its
 * database transaction (MANUAL_IMMEDIATE), retry with exponential back-off, then the record goes to
 * {@code <topic>.DLT} (same partition) and the rest of the batch continues. Poison messages skip the retries.
 * The dead-letter topics are created at startup by KafkaAdmin from the {@link NewTopic} beans (the broker does not
 * auto-create topics).
 */
@Configuration(proxyBeanMethods = false)
public class AnalyticsKafkaConfiguration {
    public static final String FACTORY = "analyticsListenerFactory";
    public static final String DLT_SUFFIX = ".DLT";

    @Bean
    public KafkaAdmin.NewTopics analyticsDeadLetterTopics(AnalyticsProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(topic -> new NewTopic(topic + DLT_SUFFIX, Optional.of(properties.dltPartitions()), Optional.empty()))
                .toArray(NewTopic[]::new));
    }

    @Bean(FACTORY)
    public ConcurrentKafkaListenerContainerFactory<String, String> analyticsListenerFactory(
            KafkaProperties kafka, AnalyticsProperties properties, KafkaTemplate<String, String> template,
            MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, properties.fetchMinBytes());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) properties.fetchMaxWait().toMillis());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        var consumers = new DefaultKafkaConsumerFactory<String, String>(config);
        consumers.addListener(new MicrometerConsumerListener<>(meters)); // kafka.consumer.* incl. records-lag-max

        var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(properties.concurrency());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
        factory.getContainerProperties().setMicrometerEnabled(true);
        factory.setCommonErrorHandler(errorHandler(properties, template, meters));
        return factory;
    }

    static DefaultErrorHandler errorHandler(AnalyticsProperties properties, KafkaTemplate<String, String> template,
                                            MeterRegistry meters) {
        var dlt = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(record.topic() + DLT_SUFFIX, record.partition()));
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMax().toMillis());
        backOff.setMaxAttempts(properties.retryAttempts());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            meters.counter("kt.analytics.dead.letters", "topic", record.topic()).increment();
            dlt.accept(record, failure);
        }, backOff);
        handler.addNotRetryableExceptions(PoisonMessageException.class);
        return handler;
    }
}
