package com.kt.eventmarketing.localstack.temporal;

import com.kt.eventmarketing.localstack.Ports;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Gives a fresh Temporal server what the dev server gets from its flags: our namespace with its retention and
 * our search attributes (both idempotent, so a restart on the same database changes nothing), then waits until
 * a frontend can use them — an open port is not enough, the namespace and the attributes' aliases reach each
 * service through its namespace cache a moment after they are written.
 */
final class NamespaceSetup {
    private NamespaceSetup() {
    }

    static void register(String target, Duration timeout, Supplier<String> diagnostics) {
        TemporalSettings settings = TemporalSettings.shared();
        retry("register namespace " + settings.namespace(), timeout, diagnostics, () -> {
            WorkflowServiceStubs stubs = stubs(target);
            try {
                stubs.blockingStub().registerNamespace(RegisterNamespaceRequest.newBuilder()
                        .setNamespace(settings.namespace())
                        .setWorkflowExecutionRetentionPeriod(com.google.protobuf.Duration.newBuilder()
                                .setSeconds(settings.retention().toSeconds()))
                        .build());
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                    throw e;
                }
            } finally {
                stubs.shutdownNow();
            }
        });
        // on SQL visibility an attribute that already has its alias is skipped with a warning, not an error
        retry("add search attributes", timeout, diagnostics, () -> SearchAttributes.register(target));
    }

    /** Until a visibility query naming every attribute succeeds on this frontend. */
    static void awaitUsable(String target, Duration timeout, Supplier<String> diagnostics) {
        TemporalSettings settings = TemporalSettings.shared();
        String query = settings.searchAttributes().keySet().stream()
                .map(name -> name + " = 'readiness-probe'").collect(Collectors.joining(" AND "));
        retry("namespace " + settings.namespace() + " usable on " + target, timeout, diagnostics, () -> {
            WorkflowServiceStubs stubs = stubs(target);
            try {
                stubs.blockingStub().listWorkflowExecutions(ListWorkflowExecutionsRequest.newBuilder()
                        .setNamespace(settings.namespace()).setQuery(query).setPageSize(1).build());
            } finally {
                stubs.shutdownNow();
            }
        });
    }

    private static WorkflowServiceStubs stubs(String target) {
        return WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(target).setRpcTimeout(Duration.ofSeconds(5)).build());
    }

    private static void retry(String what, Duration timeout, Supplier<String> diagnostics, Runnable attempt) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                attempt.run();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Temporal server mode: could not " + what + " within " + timeout
                            + " (last error: " + e.getMessage() + ")\n" + diagnostics.get(), e);
                }
                Ports.sleep(Duration.ofMillis(500));
            }
        }
    }
}
