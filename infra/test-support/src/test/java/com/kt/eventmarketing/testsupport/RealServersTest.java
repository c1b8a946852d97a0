package com.kt.eventmarketing.testsupport;

import com.kt.eventmarketing.localstack.redis.RespClient;

import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithRealServers
class RealServersTest {

    @Test
    void publishesConnectionSettingsForSpring() {
        assertThat(System.getProperty("spring.datasource.url")).isEqualTo(RealServers.jdbcUrl());
        assertThat(System.getProperty("kt.redis.url")).isEqualTo("redis://127.0.0.1:" + RealServers.redisPort());
        assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(RealServers.kafkaBootstrap());
        assertThat(System.getProperty("spring.temporal.connection.target")).isEqualTo(RealServers.temporalTarget());
    }

    @Test
    void postgresAcceptsTheApplicationLogin() throws Exception {
        try (Connection connection = DriverManager.getConnection(RealServers.jdbcUrl(), "kt", "kt");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select 1, current_user, current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
            assertThat(rows.getString(2)).isEqualTo("kt");
            assertThat(rows.getString(3)).isEqualTo("ktevent");
        }
    }

    @Test
    void redisStoresValuesAndSurvivesARestart() throws Exception {
        try (RespClient redis = new RespClient(RealServers.redisPort())) {
            assertThat(redis.command("SET", "greeting", "안녕")).isEqualTo("OK");
            assertThat(redis.command("GET", "greeting")).isEqualTo("안녕");
        }

        RealServers.stopRedis();
        assertThatThrownBy(() -> new RespClient(RealServers.redisPort())).isInstanceOf(ConnectException.class);
        RealServers.startRedis();

        try (RespClient redis = new RespClient(RealServers.redisPort())) {
            assertThat(redis.command("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void kafkaDeliversARecordOnEventCreated() {
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>("event.created", "event-1", "{\"eventId\":1}")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "real-servers-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of("event.created"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("event-1");
            assertThat(record.value()).isEqualTo("{\"eventId\":1}");
        });
    }

    @Test
    void temporalServesTheDefaultNamespaceWithOurSearchAttributes() {
        WorkflowServiceStubs workflowService = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(RealServers.temporalTarget()).build());
        OperatorServiceStubs operatorService = OperatorServiceStubs.newServiceStubs(
                OperatorServiceStubsOptions.newBuilder().setTarget(RealServers.temporalTarget()).validateAndBuildWithDefaults());
        try {
            var namespace = workflowService.blockingStub()
                    .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace("default").build());
            assertThat(namespace.getNamespaceInfo().getName()).isEqualTo("default");

            var attributes = operatorService.blockingStub()
                    .listSearchAttributes(ListSearchAttributesRequest.newBuilder().setNamespace("default").build());
            assertThat(attributes.getCustomAttributesMap()).containsKeys("StoreId", "EventStatus", "Objective");
        } finally {
            workflowService.shutdownNow();
            operatorService.shutdownNow();
        }
    }
}
