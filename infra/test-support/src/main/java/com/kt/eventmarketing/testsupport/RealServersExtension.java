package com.kt.eventmarketing.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** JUnit hook behind {@link WithRealServers}. */
public final class RealServersExtension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        RealServers.start();
    }
}
