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
import java.util.Map;

/** Naver Blog write API: a form post answered with the new post's logNo. */
@RestController
@RequestMapping("/naver/blog")
public class NaverBlogController {

    private static final String BLOG_ID = "sandbox_blog";

    private final ChannelPosts posts;
    private final IdempotentResponses idempotent;

    public NaverBlogController(ChannelPosts posts, IdempotentResponses idempotent) {
        this.posts = posts;
        this.idempotent = idempotent;
    }

    @PostMapping("/writePost.json")
    public ResponseEntity<Map<String, Object>> write(@RequestParam String title, @RequestParam String contents,
                                                     HttpServletRequest request) {
        return idempotent.once(request, () -> {
            ChannelPost post = posts.create(EndpointGroup.NAVER, Map.of("title", title, "contents", contents));
            return ResponseEntity.ok(Map.of("message", Map.of("result", Map.of("logNo", post.id(),
                    "postUrl", "https://blog.naver.com/" + BLOG_ID + "/" + post.id()))));
        });
    }

    @DeleteMapping("/posts/{logNo}")
    public ResponseEntity<Map<String, Object>> delete(@PathVariable String logNo) {
        return posts.delete(EndpointGroup.NAVER, logNo)
                ? ResponseEntity.ok(Map.of("message", Map.of("result", Map.of("logNo", logNo))))
                : ResponseEntity.status(404).body(Map.of("errorMessage", "no such post", "errorCode", "024"));
    }

    @GetMapping("/posts/{logNo}/stats")
    public ResponseEntity<Map<String, Object>> stats(@PathVariable String logNo) {
        return ChannelResponses.statsOr404(posts.find(EndpointGroup.NAVER, logNo)
                .map(post -> PostStatistics.views(post, Instant.now())));
    }
}
