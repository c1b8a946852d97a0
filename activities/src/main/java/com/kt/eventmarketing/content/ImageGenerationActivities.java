package com.kt.eventmarketing.content;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

import java.util.List;

/** Activities on the {@code content} task queue. */
@ActivityInterface
public interface ImageGenerationActivities {

    /** One image per {@link ImageStyle} × {@link ImagePlatform}. */
    @ActivityMethod
    List<GeneratedImage> generateImages(ImageRequest request);
}
