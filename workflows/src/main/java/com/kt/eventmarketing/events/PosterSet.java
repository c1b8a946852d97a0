package com.kt.eventmarketing.events;

import com.kt.eventmarketing.content.GeneratedImage;
import com.kt.eventmarketing.distribution.ChannelType;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workflow's images: the images step's set (three style previews; nine images in workflows from before the
 * poster pipeline), the latest re-drawn preview shown in its style's place, every re-drawn id with the preview whose
 * art it has (an edit may name any id the owner was shown), and the channels' posters. Plain workflow state.
 */
final class PosterSet {
    private List<GeneratedImage> images = List.of();
    private GeneratedImage edited;
    private String editedFrom;
    private final Map<String, GeneratedImage> redrawn = new HashMap<>();
    private final Map<ChannelType, GeneratedImage> posters = new EnumMap<>(ChannelType.class);

    /** A new set (the images step, or regenerated): earlier picks and re-draws no longer count. */
    void replace(List<GeneratedImage> generated) {
        images = List.copyOf(generated);
        edited = null;
        editedFrom = null;
        redrawn.clear();
    }

    /** The preview behind an id the owner may name: one of the set, or the one a re-draw was made from. */
    GeneratedImage previewOf(String id) {
        if (id == null) {
            return null;
        }
        GeneratedImage from = redrawn.get(id);
        return from != null ? from : images.stream().filter(i -> i.imageId().equals(id)).findFirst().orElse(null);
    }

    void redrawn(GeneratedImage preview, GeneratedImage image) {
        redrawn.put(image.imageId(), preview);
        edited = image;
        editedFrom = preview.imageId();
    }

    /** The set as the owner sees it: the latest re-drawn preview in place of the one it was drawn from. */
    List<GeneratedImage> shown() {
        if (edited == null) {
            return images;
        }
        return images.stream().map(i -> i.imageId().equals(editedFrom) ? edited : i).toList();
    }

    GeneratedImage poster(ChannelType channel) {
        return posters.get(channel);
    }

    void poster(ChannelType channel, GeneratedImage poster) {
        posters.put(channel, poster);
    }
}
