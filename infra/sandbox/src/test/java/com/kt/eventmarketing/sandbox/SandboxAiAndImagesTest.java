package com.kt.eventmarketing.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class SandboxAiAndImagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void reset() throws Exception {
        mvc.perform(delete("/admin/faults"));
    }

    @Test
    void chatCompletionsAnswerThreeRecommendationsDerivedFromTheStore() throws Exception {
        JsonNode plan = json.readTree(openAiContent(prompt("EVENT_RECOMMENDATIONS")));

        assertThat(plan.path("recommendations")).hasSize(3);
        JsonNode first = plan.path("recommendations").get(0);
        for (String field : new String[]{"title", "prize", "participationMethod", "expectedParticipants",
                "estimatedCost", "expectedRoi", "description"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.path("title").asString()).contains("맛있는 치킨");
        assertThat(openAiContent(prompt("EVENT_RECOMMENDATIONS"))).isEqualTo(plan.toString());
    }

    @Test
    void messagesApiAnswersTheTrendAnalysisInContentBlocks() throws Exception {
        String body = json.writeValueAsString(Map.of("model", "claude", "max_tokens", 2000,
                "messages", java.util.List.of(Map.of("role", "user",
                        "content", java.util.List.of(Map.of("type", "text", "text", prompt("TREND_ANALYSIS")))))));
        String response = mvc.perform(post("/v1/messages").header("x-api-key", "k")
                        .header("anthropic-version", "2023-06-01")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode trends = json.readTree(json.readTree(response).path("content").get(0).path("text").asString());

        assertThat(trends.path("summary").asString()).contains("강남구");
        assertThat(trends.path("successfulEventTypes")).hasSize(3);
        assertThat(trends.path("topPrizes")).hasSize(5);
        assertThat(trends.path("participationMethods")).isNotEmpty();
        assertThat(trends.path("regionalTraits")).isNotEmpty();
    }

    @Test
    void malformedFaultAnswersTextThatIsNotJson() throws Exception {
        mvc.perform(put("/admin/faults/ai").contentType(MediaType.APPLICATION_JSON).content("{\"malformed\":true}"));

        String content = openAiContent(prompt("TREND_ANALYSIS"));

        assertThat(content).doesNotStartWith("{");
    }

    @Test
    void missingApiKeyIs401() throws Exception {
        mvc.perform(post("/v1/chat/completions").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void imageGenerationReturnsAPngOfTheRequestedSize() throws Exception {
        String response = mvc.perform(post("/v1/images/generations").header("Authorization", "Bearer k")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\":\"치킨 이벤트 포스터\",\"size\":\"1536x1024\",\"response_format\":\"b64_json\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        byte[] png = Base64.getDecoder().decode(json.readTree(response).path("data").get(0).path("b64_json").asString());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(image.getWidth()).isEqualTo(1536);
        assertThat(image.getHeight()).isEqualTo(1024);
    }

    @Test
    void aSizeTheRealApiRejectsIs400() throws Exception {
        mvc.perform(post("/v1/images/generations").header("Authorization", "Bearer k")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\":\"포스터\",\"size\":\"1080x1080\",\"response_format\":\"b64_json\"}"))
                .andExpect(status().isBadRequest());
    }

    private String prompt(String task) {
        return json.writeValueAsString(Map.of("task", task, "season", "여름", "objective", "REVISIT",
                "store", Map.of("name", "맛있는 치킨", "businessType", "음식점", "region", "서울 강남구")));
    }

    private String openAiContent(String prompt) throws Exception {
        String body = json.writeValueAsString(Map.of("model", "gpt", "messages",
                java.util.List.of(Map.of("role", "system", "content", "JSON only"),
                        Map.of("role", "user", "content", prompt))));
        String response = mvc.perform(post("/v1/chat/completions").header("Authorization", "Bearer k")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(response).path("choices").get(0).path("message").path("content").asString();
    }
}
