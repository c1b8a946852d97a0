package com.kt.eventmarketing.sandbox;

import com.kt.eventmarketing.sandbox.channel.ChannelPosts;
import com.kt.eventmarketing.sandbox.fault.EndpointGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class SandboxIdempotencyAndFaultsTest {

    private static final String TONE = "{\"text\":\"치킨집 주말 이벤트 중입니다\"}";

    @Autowired
    MockMvc mvc;

    @Autowired
    ChannelPosts posts;

    @BeforeEach
    void reset() throws Exception {
        mvc.perform(delete("/admin/faults")).andExpect(status().isOk());
        mvc.perform(delete("/admin/requests")).andExpect(status().isOk());
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheFirstAnswerAndIsRecordedAsReplay() throws Exception {
        String first = registerTone("event-1-RINGOBIZ");
        String second = registerTone("event-1-RINGOBIZ");
        String other = registerTone("event-2-RINGOBIZ");

        org.assertj.core.api.Assertions.assertThat(second).isEqualTo(first);
        org.assertj.core.api.Assertions.assertThat(other).isNotEqualTo(first);
        mvc.perform(get("/admin/requests").param("group", "ringobiz").param("idempotencyKey", "event-1-RINGOBIZ"))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].replayed").value(false))
                .andExpect(jsonPath("$[1].replayed").value(true))
                .andExpect(jsonPath("$[1].status").value(200));
    }

    @Test
    void instagramContainerAndPublishAreEachIdempotent() throws Exception {
        long postsBefore = posts.count(EndpointGroup.INSTAGRAM);
        String container = createContainer();
        org.assertj.core.api.Assertions.assertThat(createContainer()).as("the same container again").isEqualTo(container);
        String containerId = container.replaceAll("\\D", "");
        String published = publish(containerId);
        org.assertj.core.api.Assertions.assertThat(publish(containerId)).as("the same post again").isEqualTo(published);
        org.assertj.core.api.Assertions.assertThat(posts.count(EndpointGroup.INSTAGRAM)).as("one post on the account")
                .isEqualTo(postsBefore + 1);
        mvc.perform(get("/admin/requests").param("group", "instagram").param("idempotencyKey", "event-3-INSTAGRAM"))
                .andExpect(jsonPath("$", hasSize(4)))
                .andExpect(jsonPath("$[0].replayed").value(false))
                .andExpect(jsonPath("$[1].replayed").value(true))
                .andExpect(jsonPath("$[2].replayed").value(false))
                .andExpect(jsonPath("$[3].replayed").value(true));
    }

    private String createContainer() throws Exception {
        return mvc.perform(post("/instagram/v21.0/17841400000/media")
                        .header("Idempotency-Key", "event-3-INSTAGRAM")
                        .param("image_url", "http://img/1.png").param("caption", "이벤트"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String publish(String containerId) throws Exception {
        return mvc.perform(post("/instagram/v21.0/17841400000/media_publish")
                        .header("Idempotency-Key", "event-3-INSTAGRAM").param("creation_id", containerId))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").exists())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void outageAnswers503() throws Exception {
        setFaults("ginitv", "{\"outage\":true}");
        mvc.perform(post("/kt/ginitv/v1/ads").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"imageUrl\":\"u\"}"))
                .andExpect(status().isServiceUnavailable());
        mvc.perform(get("/admin/requests").param("group", "ginitv"))
                .andExpect(jsonPath("$[0].status").value(503));
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() throws Exception {
        setFaults("ringobiz", "{\"rateLimitPerSecond\":1}");
        registerTone("event-4-RINGOBIZ");
        mvc.perform(post("/kt/ringobiz/v1/ringback-tones").contentType(MediaType.APPLICATION_JSON).content(TONE))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1"));
    }

    @Test
    void fullErrorRateAnswers500AndLatencyDelays() throws Exception {
        setFaults("sms", "{\"errorRate\":1.0,\"latencyMs\":150}");
        long start = System.nanoTime();
        mvc.perform(post("/sms/v1/messages").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"01012345678\",\"text\":\"당첨\"}"))
                .andExpect(status().isInternalServerError());
        org.assertj.core.api.Assertions.assertThat(System.nanoTime() - start).isGreaterThan(150_000_000L);
    }

    @Test
    void unknownFaultGroupIs404() throws Exception {
        mvc.perform(put("/admin/faults/fax").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
    }

    private String registerTone(String idempotencyKey) throws Exception {
        return mvc.perform(post("/kt/ringobiz/v1/ringback-tones").header("Idempotency-Key", idempotencyKey)
                        .contentType(MediaType.APPLICATION_JSON).content(TONE))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private void setFaults(String group, String json) throws Exception {
        mvc.perform(put("/admin/faults/" + group).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk());
    }
}
