package com.kt.eventmarketing.content;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

import java.util.List;

/**
 * Activities on the {@code content} task queue. The image API (or the built-in art) makes background art only;
 * the compositor draws the event's words and the QR code over it.
 */
@ActivityInterface
public interface ImageGenerationActivities {

    /**
     * One image per {@link ImageStyle} × {@link ImagePlatform}: the images step of workflows started before the
     * poster pipeline (their histories call it; newer workflows call {@link #generatePreviews}).
     */
    @ActivityMethod
    List<GeneratedImage> generateImages(ImageRequest request);

    /** One square preview per {@link ImageStyle}; each style's art is kept for the re-draws and channel posters. */
    @ActivityMethod
    List<GeneratedImage> generatePreviews(ImageRequest request);

    /** The chosen style's preview re-drawn with the owner's words and colours, under a new image id. */
    @ActivityMethod
    GeneratedImage renderPreview(PosterRequest request);

    /**
     * The final poster for one channel in its size. The image id follows from the event, the channel and the
     * poster's content, so a retried activity overwrites the same image instead of leaving another one behind.
     */
    @ActivityMethod
    GeneratedImage renderChannelPoster(ChannelPosterRequest request);
}
