package com.kt.eventmarketing.sandbox.channel;

import com.kt.eventmarketing.sandbox.fault.EndpointGroup;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Every post the simulated channels hold, across channels; ids are numeric strings like the real APIs use. */
@Component
public class ChannelPosts {

    private final Map<String, ChannelPost> posts = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(17_841_400_000L);

    public ChannelPost create(EndpointGroup group, Map<String, Object> content) {
        ChannelPost post = new ChannelPost(String.valueOf(nextId.incrementAndGet()), group, Instant.now(), content,
                false);
        posts.put(post.id(), post);
        return post;
    }

    /** A live (not deleted) post of the group. */
    public Optional<ChannelPost> find(EndpointGroup group, String id) {
        return Optional.ofNullable(posts.get(id)).filter(post -> post.group() == group && !post.deleted());
    }

    /** Deletes the post; false when the group has no such live post. */
    public boolean delete(EndpointGroup group, String id) {
        return find(group, id).map(post -> posts.put(id, post.markDeleted()) != null).orElse(false);
    }

    /** What the group holds, oldest first, for tests that check what a post carried (its image, its link). */
    public List<ChannelPost> all(EndpointGroup group) {
        return posts.values().stream().filter(post -> post.group() == group)
                .sorted(Comparator.comparing(ChannelPost::createdAt).thenComparing(ChannelPost::id)).toList();
    }

    public long count(EndpointGroup group) {
        return posts.values().stream().filter(post -> post.group() == group).count();
    }
}
