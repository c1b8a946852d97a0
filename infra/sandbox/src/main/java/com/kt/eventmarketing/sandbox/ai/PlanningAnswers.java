package com.kt.eventmarketing.sandbox.ai;

import com.kt.eventmarketing.sandbox.fault.EndpointGroup;
import com.kt.eventmarketing.sandbox.fault.FaultRegistry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** The assistant text both AI wire formats return: the planning JSON, or prose when the malformed fault is set. */
@Component
public class PlanningAnswers {

    private final PlanWriter writer;
    private final FaultRegistry faults;
    private final JsonMapper json;

    public PlanningAnswers(PlanWriter writer, FaultRegistry faults, JsonMapper json) {
        this.writer = writer;
        this.faults = faults;
        this.json = json;
    }

    public String answer(List<String> userMessagesOldestFirst) {
        if (faults.settings(EndpointGroup.AI).malformed()) {
            return "물론입니다! 요청하신 이벤트 기획안을 정리해 드리면, 첫째로 SNS 인증샷 이벤트가 좋겠습니다...";
        }
        return PlanningPrompt.findIn(userMessagesOldestFirst, json)
                .map(prompt -> json.writeValueAsString(prompt.asksForTrends()
                        ? writer.trendAnalysis(prompt) : writer.recommendations(prompt)))
                .orElse("무엇을 도와드릴까요? 요청에서 JSON 형식의 기획 요청을 찾지 못했습니다.");
    }
}
