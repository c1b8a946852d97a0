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

/** KT 지니TV partner API: registers a local TV ad. */
@RestController
@RequestMapping("/kt/ginitv/v1/ads")
public class GiniTvController {

    private final ChannelPosts posts;
    private final IdempotentResponses idempotent;

    public GiniTvController(ChannelPosts posts, IdempotentResponses idempotent) {
        this.posts = posts;
        this.idempotent = idempotent;
    }

    public record AdRequest(String title, String imageUrl, String landingUrl, String targetRegion, String startAt,
                            String endAt) {
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> register(@RequestBody AdRequest ad, HttpServletRequest request) {
        if (ad.title() == null || ad.imageUrl() == null) {
            return ChannelResponses.invalid("imageUrl", "title and imageUrl are required");
        }
        return idempotent.once(request, () -> {
            ChannelPost post = posts.create(EndpointGroup.GINITV, Map.of("ad", ad));
            return ResponseEntity.ok(Map.of("adId", post.id(), "status", "REGISTERED"));
        });
    }

    @DeleteMapping("/{adId}")
    public ResponseEntity<Map<String, Object>> delete(@PathVariable String adId) {
        return ChannelResponses.deleted(posts.delete(EndpointGroup.GINITV, adId));
    }

    @GetMapping("/{adId}/stats")
    public ResponseEntity<Map<String, Object>> stats(@PathVariable String adId) {
        return ChannelResponses.statsOr404(posts.find(EndpointGroup.GINITV, adId)
                .map(post -> PostStatistics.views(post, Instant.now())));
    }
}
