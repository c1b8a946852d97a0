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
import java.util.List;
import java.util.Map;

/** KT 우리동네TV partner API: books an image slot shown within a radius of the shop in given time slots. */
@RestController
@RequestMapping("/kt/uridongnetv/v1/slots")
public class UridongneTvController {

    private final ChannelPosts posts;
    private final IdempotentResponses idempotent;

    public UridongneTvController(ChannelPosts posts, IdempotentResponses idempotent) {
        this.posts = posts;
        this.idempotent = idempotent;
    }

    public record SlotRequest(String storeName, String imageUrl, Integer radiusMeters, List<String> timeSlots,
                              String startAt, String endAt) {
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> book(@RequestBody SlotRequest slot, HttpServletRequest request) {
        if (slot.imageUrl() == null || slot.radiusMeters() == null || slot.radiusMeters() <= 0) {
            return ChannelResponses.invalid("radiusMeters", "imageUrl and a positive radiusMeters are required");
        }
        return idempotent.once(request, () -> {
            ChannelPost post = posts.create(EndpointGroup.URIDONGNETV, Map.of("slot", slot));
            return ResponseEntity.ok(Map.of("slotId", post.id(), "status", "SCHEDULED",
                    "timeSlots", slot.timeSlots() == null ? List.of() : slot.timeSlots()));
        });
    }

    @GetMapping("/{slotId}/stats")
    public ResponseEntity<Map<String, Object>> stats(@PathVariable String slotId) {
        return ChannelResponses.statsOr404(posts.find(EndpointGroup.URIDONGNETV, slotId)
                .map(post -> PostStatistics.views(post, Instant.now())));
    }
}
