package com.kt.eventmarketing.events;

import com.kt.eventmarketing.distribution.ChannelType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Request bodies of the events API; field names are part of the REST contract. */
public final class EventRequests {
    private static final String COLOUR = "^#[0-9A-Fa-f]{6}$";
    private static final String COLOUR_MESSAGE = "must be a colour like #FF5500";

    private EventRequests() {
    }

    public record Create(@NotNull(message = "is required (NEW_CUSTOMERS, REVISIT, SALES or AWARENESS)") EventObjective objective) {
    }

    public record SelectRecommendation(
            @NotNull(message = "is required") @Min(value = 0, message = "must be 0, 1 or 2") @Max(value = 2, message = "must be 0, 1 or 2") Integer index,
            @Size(min = 2, max = 100, message = "must be 2-100 characters") String title,
            @Size(min = 1, max = 100, message = "must be 1-100 characters") String prize,
            @Size(min = 2, max = 300, message = "must be 2-300 characters") String participationMethod) {
    }

    public record Content(
            @NotBlank(message = "is required") String imageId,
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String title,
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String prize,
            @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters") String guide,
            @NotNull(message = "is required") @Valid ColorsBody colors) {
    }

    public record ColorsBody(
            @NotBlank(message = "is required") @Pattern(regexp = COLOUR, message = COLOUR_MESSAGE) String background,
            @NotBlank(message = "is required") @Pattern(regexp = COLOUR, message = COLOUR_MESSAGE) String text,
            @NotBlank(message = "is required") @Pattern(regexp = COLOUR, message = COLOUR_MESSAGE) String accent) {
    }

    public record Channels(
            @NotEmpty(message = "choose at least one channel") @Size(max = 6, message = "at most 6 channels") List<@Valid @NotNull(message = "must not be null") ChannelBody> channels,
            @NotNull(message = "is required (ISO-8601, e.g. 2026-12-01T10:00:00+09:00)") Instant startAt,
            @NotNull(message = "is required (ISO-8601, e.g. 2026-12-31T22:00:00+09:00)") Instant endAt,
            AutoDrawBody autoDraw) {
    }

    /**
     * Optional: draw winners automatically when the event ends, and notify them. Checked by {@code AutoDraw}'s
     * rules (in {@link ChannelRequestCheck}), not by annotations, so the rule is written once.
     */
    public record AutoDrawBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1") Integer winnerCount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"RANDOM", "WEIGHTED"}) String algorithm,
            @Schema(minimum = "1", maximum = "3", defaultValue = "2") Integer visitBonus) {
    }

    public record ChannelBody(@NotNull(message = "is required") ChannelType type,
                              @Schema(description = "Per channel (at most 10): URIDONGNETV radiusMeters 100-3000 (default 500) and "
                                      + "timeSlots, 1-6 comma-separated HH:mm-HH:mm ranges (default 11:00-14:00,17:00-21:00); "
                                      + "RINGOBIZ ringbackText, 10-120 characters (default from title and prize); GINITV "
                                      + "targetRegion, at most 50 characters; INSTAGRAM, NAVER_BLOG and KAKAO_CHANNEL take none. "
                                      + "A bad or unknown setting is a 400 naming channels[i].settings.<key>.")
                              Map<String, String> settings) {
    }

    public record Cancel(@Size(max = 300, message = "must be at most 300 characters") String reason) {
    }
}
