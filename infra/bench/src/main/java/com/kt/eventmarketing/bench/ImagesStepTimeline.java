package com.kt.eventmarketing.bench;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the images step's time goes, per flow, read from the workflows' histories (same machine, so the client's
 * and the server's clocks agree): the owner's PUT until the Update is accepted, until the previews activity is
 * scheduled, its wait in the content queue, its run (art, composition, PNG, blob store), the progress record after
 * it, and the GET poll that saw EDIT_CONTENT.
 */
final class ImagesStepTimeline {
    static final List<String> PHASES = List.of("put→accepted", "accepted→scheduled", "queued", "previews",
            "record", "seen");

    private ImagesStepTimeline() {
    }

    /**
     * What the histories say: median milliseconds per phase, and per flow the time from the PUT until the step change
     * was recorded (from then on every GET shows EDIT_CONTENT), over the flows whose history had every mark.
     */
    record Reading(Map<String, Double> medians, Stats ready) {
    }

    static Reading read(String temporalTarget, List<ImagesStep.Flow> flows) {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(temporalTarget).build());
        try {
            WorkflowClient client = WorkflowClient.newInstance(service,
                    WorkflowClientOptions.newBuilder().setNamespace("default").build());
            Map<String, Stats> phases = new LinkedHashMap<>();
            PHASES.forEach(phase -> phases.put(phase, new Stats()));
            Stats ready = new Stats();
            for (ImagesStep.Flow flow : flows) {
                long[] marks = marks(client.fetchHistory("event-" + flow.eventId()), flow.putAtMillis());
                if (marks == null) {
                    continue;
                }
                long previous = flow.putAtMillis();
                List<Long> ends = new ArrayList<>();
                for (long mark : marks) {
                    ends.add(mark);
                }
                ready.add(TimeUnit.MILLISECONDS.toNanos(Math.max(0, ends.get(ends.size() - 1) - flow.putAtMillis())));
                ends.add(flow.seenAtMillis());
                for (int i = 0; i < PHASES.size(); i++) {
                    phases.get(PHASES.get(i)).add(TimeUnit.MILLISECONDS.toNanos(Math.max(0, ends.get(i) - previous)));
                    previous = ends.get(i);
                }
            }
            Map<String, Double> medians = new LinkedHashMap<>();
            phases.forEach((phase, stats) -> medians.put(phase, stats.count() == 0 ? Double.NaN : stats.percentileMs(50)));
            return new Reading(medians, ready);
        } finally {
            service.shutdown();
        }
    }

    /** Update accepted, previews scheduled, started, completed, progress recorded (epoch ms); null if one is missing. */
    private static long[] marks(WorkflowExecutionHistory history, long putAtMillis) {
        long accepted = -1, scheduled = -1, started = -1, completed = -1, recorded = -1;
        long previewsId = -1, recordId = -1;
        for (HistoryEvent event : history.getEvents()) {
            long at = event.getEventTime().getSeconds() * 1000 + event.getEventTime().getNanos() / 1_000_000;
            if (at < putAtMillis - 1_000) {
                continue;
            }
            EventType type = event.getEventType();
            if (type == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED && accepted < 0) {
                accepted = at;
            } else if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
                String activity = event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
                if (activity.equals("GeneratePreviews") && previewsId < 0) {
                    previewsId = event.getEventId();
                    scheduled = at;
                } else if (activity.equals("RecordProgress") && completed > 0 && recordId < 0) {
                    recordId = event.getEventId();
                }
            } else if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED
                    && event.getActivityTaskStartedEventAttributes().getScheduledEventId() == previewsId) {
                started = at;
            } else if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
                long of = event.getActivityTaskCompletedEventAttributes().getScheduledEventId();
                if (of == previewsId) {
                    completed = at;
                } else if (of == recordId) {
                    recorded = at;
                }
            }
        }
        if (accepted < 0 || scheduled < 0 || started < 0 || completed < 0 || recorded < 0) {
            return null;
        }
        return new long[]{accepted, scheduled, started, completed, recorded};
    }
}
