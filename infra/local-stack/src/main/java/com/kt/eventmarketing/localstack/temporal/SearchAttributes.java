package com.kt.eventmarketing.localstack.temporal;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;

import java.util.List;

/**
 * Custom search attributes the event workflow upserts (all Keyword). Every local Temporal server registers
 * them, because upserting an unregistered attribute fails the workflow task.
 */
public final class SearchAttributes {
    public static final List<String> KEYWORDS = List.of("StoreId", "EventStatus", "Objective");

    private SearchAttributes() {
    }

    /**
     * Registers {@link #KEYWORDS} in the {@code default} namespace through the operator API, for servers that
     * cannot take them as start-up flags (the Java test server, a Temporal container).
     */
    public static void register(String target) {
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
                OperatorServiceStubsOptions.newBuilder().setTarget(target).validateAndBuildWithDefaults());
        try {
            AddSearchAttributesRequest.Builder request = AddSearchAttributesRequest.newBuilder().setNamespace("default");
            KEYWORDS.forEach(name -> request.putSearchAttributes(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
            operator.blockingStub().addSearchAttributes(request.build());
        } finally {
            operator.shutdownNow();
        }
    }
}
