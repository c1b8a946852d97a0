package com.kt.eventmarketing.events;

import com.kt.eventmarketing.content.GeneratedImage;
import com.kt.eventmarketing.content.ImageGenerationActivities;
import com.kt.eventmarketing.content.ImageRequest;
import com.kt.eventmarketing.content.PosterRequest;

import java.util.List;

/** The images step and the owner's edits of the picked preview, on the {@code content} activities. */
final class PosterWork {
    private final EventState state;
    private final ImageGenerationActivities content;

    PosterWork(EventState state, ImageGenerationActivities content) {
        this.state = state;
        this.content = content;
    }

    /** Three style previews with the poster pipeline, nine images before it. */
    List<GeneratedImage> generateSet() {
        ImageRequest request = new ImageRequest(state.input.eventId(), state.input.storeName(), state.input.businessType(),
                state.title, state.prize, state.input.participationUrl());
        return state.posterPipeline ? content.generatePreviews(request) : content.generateImages(request);
    }

    /**
     * With the poster pipeline, the chosen style's preview is re-drawn with the owner's words and colours and shown
     * under a new image id (the images he saw before keep their ids and bytes); before it, the pick is taken as is.
     */
    GeneratedImage imageFor(ContentChoice choice) {
        GeneratedImage preview = state.images.previewOf(choice.imageId());
        if (!state.posterPipeline) {
            return preview;
        }
        GeneratedImage image;
        state.redrawing = true;
        try {
            image = content.renderPreview(new PosterRequest(state.input.eventId(), preview, state.input.storeName(),
                    choice.title(), choice.prize(), choice.guide(), choice.colors(), state.startAt, state.endAt));
        } finally {
            state.redrawing = false;
        }
        state.images.redrawn(preview, image);
        return image;
    }
}
