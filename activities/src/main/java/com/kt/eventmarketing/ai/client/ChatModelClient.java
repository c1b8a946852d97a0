package com.kt.eventmarketing.ai.client;

import java.util.List;

/** A chat model behind some provider's wire format. Failures arrive as Temporal ApplicationFailures. */
public interface ChatModelClient {

    /** One circuit breaker for the AI system, whichever provider is configured. */
    String BREAKER = "ai";

    /** The assistant's text answer to the conversation. */
    String complete(String systemInstruction, List<ChatTurn> conversation);

    /** Provider and model, e.g. {@code openai:gpt-4o-mini}; recorded with the results. */
    String modelName();
}
