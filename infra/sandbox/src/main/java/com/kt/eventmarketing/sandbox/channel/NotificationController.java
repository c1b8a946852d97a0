package com.kt.eventmarketing.sandbox.channel;

import com.kt.eventmarketing.sandbox.fault.EndpointGroup;
import com.kt.eventmarketing.sandbox.idempotency.IdempotentResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Winner notifications: an SMS gateway and Kakao 알림톡, both accepting a message per idempotency key once. */
@RestController
public class NotificationController {

    private final ChannelPosts messages;
    private final IdempotentResponses idempotent;

    public NotificationController(ChannelPosts messages, IdempotentResponses idempotent) {
        this.messages = messages;
        this.idempotent = idempotent;
    }

    public record SmsRequest(String from, String to, String text) {
    }

    public record AlimtalkRequest(String senderKey, String templateCode, String to, String text) {
    }

    @PostMapping("/sms/v1/messages")
    public ResponseEntity<Map<String, Object>> sms(@RequestBody SmsRequest sms, HttpServletRequest request) {
        if (sms.to() == null || sms.text() == null) {
            return ChannelResponses.invalid("to", "to and text are required");
        }
        return accept(EndpointGroup.SMS, Map.of("sms", sms), request);
    }

    @PostMapping("/kakao/v1/alimtalk/messages")
    public ResponseEntity<Map<String, Object>> alimtalk(@RequestBody AlimtalkRequest message,
                                                        HttpServletRequest request) {
        if (message.to() == null || message.templateCode() == null) {
            return ChannelResponses.invalid("templateCode", "to and templateCode are required");
        }
        return accept(EndpointGroup.ALIMTALK, Map.of("alimtalk", message), request);
    }

    private ResponseEntity<Map<String, Object>> accept(EndpointGroup group, Map<String, Object> content,
                                                       HttpServletRequest request) {
        return idempotent.once(request, () -> ResponseEntity.ok(Map.of(
                "messageId", messages.create(group, content).id(), "status", "ACCEPTED")));
    }
}
