package com.kt.eventmarketing.events;

import com.kt.eventmarketing.content.ChannelPosterRequest;
import com.kt.eventmarketing.content.GeneratedImage;
import com.kt.eventmarketing.content.ImageGenerationActivities;
import com.kt.eventmarketing.content.PosterRequest;
import com.kt.eventmarketing.distribution.ChannelPublishActivities;
import com.kt.eventmarketing.distribution.ChannelPublishRequest;
import com.kt.eventmarketing.distribution.ChannelPublishResult;
import com.kt.eventmarketing.distribution.ChannelRetractRequest;
import com.kt.eventmarketing.distribution.ChannelType;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Posts the event on its channels and takes posts back, keeping each channel's outcome in the state. A failing
 * channel is recorded and never holds back the others or fails the workflow.
 */
final class ChannelPublisher {
    private static final Logger log = Workflow.getLogger(ChannelPublisher.class);

    private final EventState state;
    private final ChannelPublishActivities channels;
    private final ImageGenerationActivities content;

    ChannelPublisher(EventState state, ChannelPublishActivities channels, ImageGenerationActivities content) {
        this.state = state;
        this.channels = channels;
        this.content = content;
    }

    /** Every chosen channel in parallel. */
    void publishAll() {
        List<Promise<Void>> posts = new ArrayList<>();
        for (ChannelSelection selection : state.channels) {
            posts.add(Async.procedure(this::publish, selection));
        }
        Promise.allOf(posts).get();
    }

    /** Compensation: every published post on a channel that allows it, in parallel. */
    void retractPublished() {
        List<Promise<Void>> retractions = new ArrayList<>();
        for (ChannelDistribution d : List.copyOf(state.distribution.values())) {
            if (d.status() == DistributionStatus.PUBLISHED && d.channel().retractable()) {
                retractions.add(Async.procedure(this::retract, d));
            }
        }
        Promise.allOf(retractions).get();
    }

    void publish(ChannelSelection selection) {
        ChannelType channel = selection.type();
        ChannelDistribution before = state.distribution.get(channel);
        int attempts = before == null ? 1 : before.attempts() + 1;
        GeneratedImage drawn = state.images.poster(channel);
        state.distribution.put(channel, new ChannelDistribution(channel, DistributionStatus.PUBLISHING, attempts, null, null,
                null, drawn == null ? null : drawn.url()));
        String poster = null;
        try {
            poster = posterFor(channel);
            ChannelPublishResult result = channels.publish(new ChannelPublishRequest(state.input.eventId(), channel,
                    selection.settings() == null ? Map.of() : selection.settings(), state.input.storeName(), state.title,
                    state.prize, state.guide, poster, state.input.participationUrl(), state.startAt, state.endAt));
            state.distribution.put(channel, new ChannelDistribution(channel, DistributionStatus.PUBLISHED, attempts, null,
                    result.externalId(), result.postUrl(), poster));
        } catch (ActivityFailure e) {
            state.distribution.put(channel, new ChannelDistribution(channel, DistributionStatus.FAILED, attempts,
                    Failures.rootMessage(e), null, null, poster));
            log.warn("event {} channel {} failed: {}", state.input.eventId(), channel, Failures.rootMessage(e));
        }
    }

    /**
     * The channel's own poster, drawn once (a retry of the channel reuses it); null for the ring-back tone. Before
     * the poster pipeline every channel got the picked image.
     */
    private String posterFor(ChannelType channel) {
        if (!state.posterPipeline) {
            return state.imageUrl;
        }
        if (!channel.showsPoster()) {
            return null;
        }
        GeneratedImage poster = state.images.poster(channel);
        if (poster == null) {
            poster = content.renderChannelPoster(new ChannelPosterRequest(new PosterRequest(state.input.eventId(),
                    state.images.previewOf(state.imageId), state.input.storeName(), state.title, state.prize, state.guide,
                    state.colors, state.startAt, state.endAt), channel));
            state.images.poster(channel, poster);
        }
        return poster.url();
    }

    private void retract(ChannelDistribution published) {
        try {
            channels.retract(new ChannelRetractRequest(state.input.eventId(), published.channel(), published.externalId()));
            state.distribution.put(published.channel(), new ChannelDistribution(published.channel(), DistributionStatus.RETRACTED,
                    published.attempts(), null, published.externalId(), published.postUrl(), published.imageUrl()));
        } catch (ActivityFailure e) {
            // The event is cancelled either way; the post stays and the owner sees why.
            state.distribution.put(published.channel(), new ChannelDistribution(published.channel(), DistributionStatus.PUBLISHED,
                    published.attempts(), "retract failed: " + Failures.rootMessage(e), published.externalId(),
                    published.postUrl(), published.imageUrl()));
        }
    }
}
