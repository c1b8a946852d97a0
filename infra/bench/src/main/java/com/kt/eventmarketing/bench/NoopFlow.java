package com.kt.eventmarketing.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline for event workflows per second: a workflow with the same activity shape as EventCreationWorkflow
 * up to ACTIVE (two AI calls, progress records, one image call, the approval record, one publish per channel in
 * parallel, the distribution record and the ACTIVE record: 10 + channels activities), every activity a no-op,
 * run by this JVM's own worker on the same Temporal server. Its rate is what Temporal itself allows on this
 * machine; the real flow adds the owner's REST steps, the external calls (sandbox) and the database.
 */
public final class NoopFlow {
    public static final String TASK_QUEUE = "bench-noop";

    @WorkflowInterface
    public interface NoopFlowWorkflow {
        @WorkflowMethod
        int run(int channels);
    }

    @ActivityInterface
    public interface NoopActivities {
        void step(String name);
    }

    public static class NoopActivitiesImpl implements NoopActivities {
        @Override
        public void step(String name) {
            // nothing: the cost measured is Temporal's
        }
    }

    public static class NoopFlowWorkflowImpl implements NoopFlowWorkflow {
        private final NoopActivities a = Workflow.newActivityStub(NoopActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1)).build())
                .build());

        @Override
        public int run(int channels) {
            int n = 0;
            a.step("analyzeTrends"); n++;
            a.step("recommendEvents"); n++;
            a.step("recordProgress"); n++;
            a.step("generateImages"); n++;
            a.step("recordProgress"); n++;
            a.step("recordProgress"); n++;
            a.step("recordProgress"); n++;
            a.step("recordApproval"); n++;
            List<Promise<Void>> posts = new ArrayList<>();
            for (int i = 0; i < channels; i++) {
                posts.add(Async.procedure(a::step, "publish"));
            }
            Promise.allOf(posts).get();
            n += channels;
            a.step("recordDistribution"); n++;
            a.step("recordProgress"); n++;
            return n;
        }
    }

    /** Activities per flow through ACTIVE for the given number of channels. */
    public static int activityCount(int channels) {
        return 10 + channels;
    }

    public record Run(int workflows, int completed, double seconds, double perSecond) {
    }

    /** Connection + worker for the baseline; close it to stop the worker. */
    public static final class Runner implements AutoCloseable {
        private final WorkflowServiceStubs service;
        private final WorkflowClient client;
        private final WorkerFactory factory;

        public Runner(String target) {
            this(WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build()));
        }

        public Runner(WorkflowServiceStubs service) {
            this.service = service;
            this.client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace("default").build());
            this.factory = WorkerFactory.newInstance(client);
            Worker worker = factory.newWorker(TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(NoopFlowWorkflowImpl.class);
            worker.registerActivitiesImplementations(new NoopActivitiesImpl());
            factory.start();
        }

        public Runner(WorkflowClient client, WorkerFactory factory) {
            this.service = null;
            this.client = client;
            this.factory = factory;
        }

        /** {@code total} workflows, at most {@code inFlight} at once; returns completions per second. */
        public Run run(int total, int inFlight, int channels, Duration timeout) throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(inFlight, r -> new Thread(r, "bench-noop-client"));
            AtomicInteger next = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            long deadline = System.nanoTime() + timeout.toNanos();
            long start = System.nanoTime();
            for (int t = 0; t < inFlight; t++) {
                pool.execute(() -> {
                    while (next.getAndIncrement() < total && System.nanoTime() < deadline) {
                        NoopFlowWorkflow wf = client.newWorkflowStub(NoopFlowWorkflow.class, WorkflowOptions.newBuilder()
                                .setTaskQueue(TASK_QUEUE).setWorkflowId("bench-noop-" + UUID.randomUUID())
                                .setWorkflowExecutionTimeout(timeout).build());
                        try {
                            if (wf.run(channels) == activityCount(channels)) {
                                done.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            Bench.log("noop workflow failed: %s", e);
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
            pool.shutdownNow();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(total, done.get(), seconds, done.get() / seconds);
        }

        /** StartWorkflowExecution latency from this JVM (the no-op flow then runs on its own): the floor under POST /events. */
        public Stats startLatency(int total, int clients, int channels) throws InterruptedException {
            Stats stats = new Stats();
            ExecutorService pool = Executors.newFixedThreadPool(clients, r -> new Thread(r, "bench-noop-client"));
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < clients; t++) {
                pool.execute(() -> {
                    while (next.getAndIncrement() < total) {
                        NoopFlowWorkflow wf = client.newWorkflowStub(NoopFlowWorkflow.class, WorkflowOptions.newBuilder()
                                .setTaskQueue(TASK_QUEUE).setWorkflowId("bench-noop-" + UUID.randomUUID()).build());
                        long t0 = System.nanoTime();
                        WorkflowClient.start(wf::run, channels);
                        stats.add(System.nanoTime() - t0);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
            return stats;
        }

        @Override
        public void close() {
            factory.shutdown();
            factory.awaitTermination(10, TimeUnit.SECONDS);
            if (service != null) {
                service.shutdown();
            }
        }
    }
}
