package com.kt.eventmarketing.ai;

import com.kt.eventmarketing.ai.client.ChatModelClient;
import com.kt.eventmarketing.ai.client.ChatTurn;
import io.temporal.failure.ApplicationFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Asks the model once and, if the answer is not the JSON we need, once more with a corrective instruction.
 * A second bad answer is non-retryable: asking the same model the same thing again will not fix its format,
 * and repeating it would only burn tokens; the workflow decides what to do instead.
 */
final class PlanningConversation {

    static final String MALFORMED_ANSWER = "AiMalformedAnswer";

    private PlanningConversation() {
    }

    /**
     * @param beforeEachCall runs before every model call (the activity heartbeats there)
     */
    static <T> T ask(ChatModelClient model, String instruction, String request, Function<String, T> parser,
                     Runnable beforeEachCall) {
        List<ChatTurn> conversation = new ArrayList<>(List.of(ChatTurn.user(request)));
        beforeEachCall.run();
        String answer = model.complete(instruction, conversation);
        try {
            return parser.apply(answer);
        } catch (MalformedAnswerException firstProblem) {
            conversation.add(ChatTurn.assistant(answer));
            conversation.add(ChatTurn.user(PlanningPrompts.CORRECTION.formatted(firstProblem.getMessage())));
            beforeEachCall.run();
            String corrected = model.complete(instruction, conversation);
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
