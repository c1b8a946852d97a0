package com.kt.eventmarketing.sandbox.channel;

import com.kt.eventmarketing.sandbox.fault.EndpointGroup;
import com.kt.eventmarketing.sandbox.idempotency.IdempotentResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;

/** Kakao Channel message API: a feed template sent to the channel's friends. Messages cannot be recalled. */
@RestController
@RequestMapping("/kakao/v1/api/talk/channels/messages")
public class KakaoChannelController {

    private final ChannelPosts posts;
    private final IdempotentResponses idempotent;

    public KakaoChannelController(ChannelPosts posts, IdempotentResponses idempotent) {
        this.posts = posts;
        this.idempotent = idempotent;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> send(@RequestBody Map<String, Object> body,
                                                    HttpServletRequest request) {
        if (!(body.get("channel_public_id") instanceof String channelId) || !body.containsKey("template_object")) {
            return ChannelResponses.invalid("template_object", "channel_public_id and template_object are required");
        }
        return idempotent.once(request, () -> {
            ChannelPost post = posts.create(EndpointGroup.KAKAO, body);
            return ResponseEntity.ok(Map.of("message_id", post.id(), "channel_public_id", channelId));
        });
    }

    @GetMapping("/{messageId}/stats")
    public ResponseEntity<Map<String, Object>> stats(@PathVariable String messageId) {
        return ChannelResponses.statsOr404(posts.find(EndpointGroup.KAKAO, messageId)
                .map(post -> PostStatistics.views(post, Instant.now())));
    }
}
