package com.kt.eventmarketing.gateway.web;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The request's trace id: taken from a W3C traceparent (or X-Trace-Id), else made up; in the MDC while the request
 * runs (what the controller, and so every log line and the Temporal client, sees) and returned as X-Trace-Id.
 */
class TraceIdFilterTest {

    @RestController
    static class MdcEcho {
        @GetMapping("/echo")
        String echo() {
            return String.valueOf(MDC.get("traceId"));
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new MdcEcho()).addFilters(new TraceIdFilter()).build();

    @Test
    void aSuppliedTraceparentsTraceIdIsUsedAndReturned() throws Exception {
        MvcResult result = mvc.perform(get("/echo")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).andReturn();

        assertThat(result.getResponse().getHeader("X-Trace-Id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(result.getResponse().getContentAsString()).as("the MDC while the request ran")
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(MDC.get("traceId")).as("nothing left on the thread").isNull();
    }

    @Test
    void anXTraceIdIsUsedWhenThereIsNoTraceparent() throws Exception {
        MvcResult result = mvc.perform(get("/echo").header("X-Trace-Id", "checkout-7f3a9c")).andReturn();

        assertThat(result.getResponse().getHeader("X-Trace-Id")).isEqualTo("checkout-7f3a9c");
        assertThat(result.getResponse().getContentAsString()).isEqualTo("checkout-7f3a9c");
    }

    @Test
    void withoutOneEachRequestGetsANewTraceId() throws Exception {
        MvcResult first = mvc.perform(get("/echo")).andReturn();
        MvcResult second = mvc.perform(get("/echo").header("X-Trace-Id", "bad\tvalue")).andReturn();

        String id = first.getResponse().getHeader("X-Trace-Id");
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(first.getResponse().getContentAsString()).isEqualTo(id);
        assertThat(second.getResponse().getHeader("X-Trace-Id")).as("an unusable header is replaced")
                .matches("[0-9a-f]{32}").isNotEqualTo(id);
        assertThat(MDC.get("traceId")).isNull();
    }
}
