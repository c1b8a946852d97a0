package com.kt.eventmarketing.distribution;

import com.kt.eventmarketing.distribution.channel.ChannelConnections;
import com.kt.eventmarketing.distribution.channel.ChannelEndpointProperties;
import com.kt.eventmarketing.distribution.channel.ChannelsProperties;
import com.kt.eventmarketing.distribution.channel.GiniTvAdapter;
import com.kt.eventmarketing.distribution.channel.InstagramAdapter;
import com.kt.eventmarketing.distribution.channel.KakaoChannelAdapter;
import com.kt.eventmarketing.distribution.channel.NaverBlogAdapter;
import com.kt.eventmarketing.distribution.channel.RingobizAdapter;
import com.kt.eventmarketing.distribution.channel.UridongneTvAdapter;
import com.kt.eventmarketing.shared.PublicUrlProperties;
import com.kt.eventmarketing.shared.SandboxServer;
import com.kt.eventmarketing.testsupport.RealServers;
import com.kt.eventmarketing.testsupport.WithRealServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kt.distribution.posts} on the real Temporal server (whose activity tasks carry the effective retry policy,
 * which the in-process test server leaves out): a channel that is down for all 3 attempts counts one
 * {@code failed}, not three; the owner's later retry that gets through counts one {@code published}; a post
 * repeated with the same idempotency key (the channel answers from its idempotency record) counts nothing new.
 */
@WithRealServers
class ChannelPostCountersTest {
    private final SandboxServer sandbox = SandboxServer.get();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final String queue = "post-counters-" + UUID.randomUUID();
    private WorkflowServiceStubs stubs;
    private WorkerFactory workers;
    private WorkflowClient client;

    @WorkflowInterface
    public interface PublishInOrder {
        /** Publishes each request in turn; a channel that used up its attempts is reported, not thrown. */
        @WorkflowMethod
        List<String> publish(List<ChannelPublishRequest> requests);
    }

    public static class PublishInOrderImpl implements PublishInOrder {
        private final ChannelPublishActivities channels = Workflow.newActivityStub(ChannelPublishActivities.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30))
                        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(100))
                                .setMaximumInterval(Duration.ofMillis(200)).setMaximumAttempts(3).build())
                        .build());

        @Override
        public List<String> publish(List<ChannelPublishRequest> requests) {
            List<String> outcomes = new ArrayList<>();
            for (ChannelPublishRequest request : requests) {
                try {
                    outcomes.add(request.channel() + " " + channels.publish(request).externalId());
                } catch (ActivityFailure failed) {
                    outcomes.add(request.channel() + " FAILED");
                }
            }
            return outcomes;
        }
    }

    @BeforeEach
    void setUp() {
        sandbox.reset();
        ChannelEndpointProperties endpoint = new ChannelEndpointProperties(null, "token", "17841400000", Duration.ofSeconds(5));
        ChannelConnections connections = new ChannelConnections(new ChannelsProperties(endpoint, endpoint, endpoint,
                endpoint, endpoint, endpoint), sandbox.clients(), SandboxServer.guard());
        stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(RealServers.temporalTarget()).build());
        client = WorkflowClient.newInstance(stubs);
        workers = WorkerFactory.newInstance(client);
        var worker = workers.newWorker(queue);
        worker.registerWorkflowImplementationTypes(PublishInOrderImpl.class);
        worker.registerActivitiesImplementations(new ChannelPublishActivitiesImpl(List.of(new InstagramAdapter(connections),
                new NaverBlogAdapter(connections), new KakaoChannelAdapter(connections), new UridongneTvAdapter(connections),
                new RingobizAdapter(connections), new GiniTvAdapter(connections)), new PublicUrlProperties(URI.create("http://127.0.0.1:8080")), meters));
        workers.start();
    }

    @AfterEach
    void tearDown() {
        workers.shutdownNow();
        stubs.shutdownNow();
        sandbox.reset();
    }

    @Test
    void eachRealOutcomeCountsOnceWhateverTheAttempts() {
        long eventId = 70_000 + (System.nanoTime() % 10_000);
        ChannelPublishRequest naver = ChannelResilienceTest.request(ChannelType.NAVER_BLOG, eventId);
        ChannelPublishRequest instagram = ChannelResilienceTest.request(ChannelType.INSTAGRAM, eventId);

        sandbox.setFaults("naver", "{\"outage\":true}");
        List<String> first = run(naver, instagram);
        assertThat(first).hasSize(2);
        assertThat(first.get(0)).isEqualTo("NAVER_BLOG FAILED");
        assertThat(first.get(1)).startsWith("INSTAGRAM ").doesNotContain("FAILED");
        assertThat(ChannelResilienceTest.countOf(sandbox.requests("naver"), "\"status\":503")).as("three attempts").isEqualTo(3);
        assertThat(posts(ChannelType.NAVER_BLOG, "failed")).as("one failed outcome, not one per attempt").isEqualTo(1);
        assertThat(posts(ChannelType.INSTAGRAM, "published")).isEqualTo(1);

        sandbox.setFaults("naver", "{}");
        assertThat(run(naver, instagram)).as("the owner's retry, and a repeat the channel answers from its record")
                .doesNotContain("NAVER_BLOG FAILED");
        assertThat(posts(ChannelType.NAVER_BLOG, "published")).isEqualTo(1);
        assertThat(posts(ChannelType.NAVER_BLOG, "failed")).isEqualTo(1);
        assertThat(posts(ChannelType.INSTAGRAM, "published")).as("the repeated post is no new post").isEqualTo(1);
    }

    private List<String> run(ChannelPublishRequest... requests) {
        PublishInOrder workflow = client.newWorkflowStub(PublishInOrder.class,
                WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowExecutionTimeout(Duration.ofMinutes(1)).build());
        return workflow.publish(List.of(requests));
    }

    private double posts(ChannelType channel, String outcome) {
        var counter = meters.find(ChannelPublishActivitiesImpl.POSTS_METRIC).tag("channel", channel.name())
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
