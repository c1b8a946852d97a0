package com.kt.eventmarketing.sandbox.channel;

import com.kt.eventmarketing.sandbox.fault.EndpointGroup;
import com.kt.eventmarketing.sandbox.idempotency.IdempotentResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;

/** KT 링고비즈 partner API: a ring-back tone text callers hear while the shop's phone rings. */
@RestController
@RequestMapping("/kt/ringobiz/v1/ringback-tones")
public class RingobizController {

    /** A ring-back tone is read out in about 20 seconds. */
    private static final int MAX_TEXT_LENGTH = 200;

    private final ChannelPosts posts;
    private final IdempotentResponses idempotent;

    public RingobizController(ChannelPosts posts, IdempotentResponses idempotent) {
        this.posts = posts;
        this.idempotent = idempotent;
    }

    public record RingbackToneRequest(String text, String startAt, String endAt) {
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> register(@RequestBody RingbackToneRequest tone,
                                                        HttpServletRequest request) {
        if (tone.text() == null || tone.text().isBlank() || tone.text().length() > MAX_TEXT_LENGTH) {
            return ChannelResponses.invalid("text", "text is required and at most " + MAX_TEXT_LENGTH + " characters");
        }
        return idempotent.once(request, () -> {
            ChannelPost post = posts.create(EndpointGroup.RINGOBIZ, Map.of("tone", tone));
            return ResponseEntity.ok(Map.of("ringbackToneId", post.id(), "status", "ACTIVE"));
        });
    }

    @DeleteMapping("/{toneId}")
    public ResponseEntity<Map<String, Object>> delete(@PathVariable String toneId) {
        return ChannelResponses.deleted(posts.delete(EndpointGroup.RINGOBIZ, toneId));
    }

    @GetMapping("/{toneId}/stats")
    public ResponseEntity<Map<String, Object>> stats(@PathVariable String toneId) {
        return ChannelResponses.statsOr404(posts.find(EndpointGroup.RINGOBIZ, toneId)
                .map(post -> PostStatistics.calls(post, Instant.now())));
    }
}
