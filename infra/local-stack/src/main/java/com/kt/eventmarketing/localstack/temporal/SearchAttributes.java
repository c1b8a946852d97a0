package com.kt.eventmarketing.localstack.temporal;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;

import java.util.Locale;

/**
 * Registers the custom search attributes the event workflow upserts ({@link TemporalSettings#searchAttributes()})
 * through the operator API, for servers that cannot take them as start-up flags (the Java test server, the server
 * mode, a Temporal container). Upserting an unregistered attribute fails the workflow task.
 */
public final class SearchAttributes {
    private SearchAttributes() {
    }

    public static void register(String target) {
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
                OperatorServiceStubsOptions.newBuilder().setTarget(target).validateAndBuildWithDefaults());
        try {
            TemporalSettings settings = TemporalSettings.shared();
            AddSearchAttributesRequest.Builder request = AddSearchAttributesRequest.newBuilder().setNamespace(settings.namespace());
            settings.searchAttributes().forEach((name, type) -> request.putSearchAttributes(name, indexedType(type)));
            operator.blockingStub().addSearchAttributes(request.build());
        } finally {
            operator.shutdownNow();
        }
    }

    /** {@code Keyword} → {@code INDEXED_VALUE_TYPE_KEYWORD}, the spelling the CLI and compose use. */
    static IndexedValueType indexedType(String type) {
        return IndexedValueType.valueOf("INDEXED_VALUE_TYPE_" + type.toUpperCase(Locale.ROOT));
    }
}
