package com.kt.eventmarketing.sandbox.channel;

import com.kt.eventmarketing.sandbox.fault.EndpointGroup;
import com.kt.eventmarketing.sandbox.idempotency.IdempotentResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Instagram Graph API content publishing: create a media container, then publish it. */
@RestController
@RequestMapping("/instagram/v21.0")
public class InstagramGraphController {

    private final ChannelPosts posts;
    private final IdempotentResponses idempotent;
    private final Map<String, Map<String, Object>> containers = new ConcurrentHashMap<>();
    private final AtomicLong nextContainerId = new AtomicLong(90_000_000L);

    public InstagramGraphController(ChannelPosts posts, IdempotentResponses idempotent) {
        this.posts = posts;
        this.idempotent = idempotent;
    }

    @PostMapping("/{igUserId}/media")
    public ResponseEntity<Map<String, Object>> createContainer(@PathVariable String igUserId,
                                                               @RequestParam("image_url") String imageUrl,
                                                               @RequestParam(defaultValue = "") String caption,
                                                               HttpServletRequest request) {
        return idempotent.once(request, () -> {
            String containerId = String.valueOf(nextContainerId.incrementAndGet());
            containers.put(containerId, Map.of("igUserId", igUserId, "imageUrl", imageUrl, "caption", caption));
            return ResponseEntity.ok(Map.of("id", containerId));
        });
    }

    @PostMapping("/{igUserId}/media_publish")
    public ResponseEntity<Map<String, Object>> publish(@PathVariable String igUserId,
                                                       @RequestParam("creation_id") String creationId,
                                                       HttpServletRequest request) {
        return idempotent.once(request, () -> {
            Map<String, Object> container = containers.remove(creationId);
            if (container == null) {
                return ResponseEntity.badRequest().body(graphError("Invalid creation_id " + creationId));
            }
            return ResponseEntity.ok(Map.of("id", posts.create(EndpointGroup.INSTAGRAM, container).id()));
        });
    }

    @GetMapping("/{mediaId}")
    public ResponseEntity<Map<String, Object>> media(@PathVariable String mediaId) {
        return posts.find(EndpointGroup.INSTAGRAM, mediaId)
                .<ResponseEntity<Map<String, Object>>>map(post -> ResponseEntity.ok(Map.of("id", post.id(),
                        "permalink", "https://www.instagram.com/p/" + post.id() + "/")))
                .orElseGet(() -> ResponseEntity.status(404).body(graphError("Unknown media " + mediaId)));
    }

    @DeleteMapping("/{mediaId}")
    public ResponseEntity<Map<String, Object>> delete(@PathVariable String mediaId) {
        return posts.delete(EndpointGroup.INSTAGRAM, mediaId)
                ? ResponseEntity.ok(Map.of("success", true))
                : ResponseEntity.status(404).body(graphError("Unknown media " + mediaId));
    }

    @GetMapping("/{mediaId}/insights")
    public ResponseEntity<Map<String, Object>> insights(@PathVariable String mediaId) {
        return posts.find(EndpointGroup.INSTAGRAM, mediaId)
                .<ResponseEntity<Map<String, Object>>>map(post -> {
                    Map<String, Object> stats = PostStatistics.views(post, Instant.now());
                    return ResponseEntity.ok(Map.of("data", List.of(
                            metric("impressions", stats.get("impressions")),
                            metric("reach", stats.get("views")))));
                })
                .orElseGet(() -> ResponseEntity.status(404).body(graphError("Unknown media " + mediaId)));
    }

    private static Map<String, Object> metric(String name, Object value) {
        return Map.of("name", name, "period", "lifetime", "values", List.of(Map.of("value", value)));
    }

    private static Map<String, Object> graphError(String message) {
        return Map.of("error", Map.of("message", message, "type", "OAuthException", "code", 100));
    }
}
