package com.kt.eventmarketing.ai.client;

/** The chat model APIs the planner can use; chosen by {@code kt.external.ai.provider}. */
public enum AiProvider {
    OPENAI("gpt-4o-mini"),
    ANTHROPIC("claude-sonnet-4-5");

    private final String defaultModel;

    AiProvider(String defaultModel) {
        this.defaultModel = defaultModel;
    }

    public String defaultModel() {
        return defaultModel;
    }
}
