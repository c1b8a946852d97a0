package com.kt.eventmarketing.ai;

import com.kt.eventmarketing.ai.client.ChatModelClient;
import com.kt.eventmarketing.ai.client.ChatTurn;
import io.temporal.failure.ApplicationFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Asks the model once and, if the answer is not the JSON we need, once more with a corrective instruction.
 * A second bad answer is non-retryable: asking the same model the same thing again will not fix its format,
 * and repeating it would only burn tokens; the workflow decides what to do instead.
 */
final class PlanningConversation {

    static final String MALFORMED_ANSWER = "AiMalformedAnswer";

    private PlanningConversation() {
    }

    /** Runs one model call; the activity heartbeats around it, since one call may outlast the heartbeat timeout. */
    @FunctionalInterface
    interface ModelCall {
        String run(Supplier<String> call);
    }

    /**
     * @param aroundEachCall wraps every model call (the activity heartbeats during it)
     */
    static <T> T ask(ChatModelClient model, String instruction, String request, Function<String, T> parser,
                     ModelCall aroundEachCall) {
        List<ChatTurn> conversation = new ArrayList<>(List.of(ChatTurn.user(request)));
        String answer = aroundEachCall.run(() -> model.complete(instruction, List.copyOf(conversation)));
        try {
            return parser.apply(answer);
        } catch (MalformedAnswerException firstProblem) {
            conversation.add(ChatTurn.assistant(answer));
            conversation.add(ChatTurn.user(PlanningPrompts.CORRECTION.formatted(firstProblem.getMessage())));
            String corrected = aroundEachCall.run(() -> model.complete(instruction, List.copyOf(conversation)));
            try {
                return parser.apply(corrected);
            } catch (MalformedAnswerException secondProblem) {
                throw ApplicationFailure.newNonRetryableFailure(
                        "AI answer stayed malformed after a corrective retry: " + secondProblem.getMessage(),
                        MALFORMED_ANSWER);
            }
        }
    }
}
