package com.kt.eventmarketing.distribution.channel;

import com.kt.eventmarketing.distribution.ChannelPublishRequest;
import com.kt.eventmarketing.distribution.ChannelPublishResult;
import com.kt.eventmarketing.distribution.ChannelType;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * KT 우리동네TV: books the event image into screens within a radius of the shop, in the owner's time slots.
 * Channel settings: {@code radiusMeters} (default 500), {@code timeSlots} as comma-separated {@code HH:mm-HH:mm}.
 */
@Component
public class UridongneTvAdapter implements ChannelAdapter {

    static final String DEFAULT_RADIUS_METERS = "500";
    static final String DEFAULT_TIME_SLOTS = "11:00-14:00,17:00-21:00";

    private final ChannelConnection connection;

    public UridongneTvAdapter(ChannelConnections connections) {
        this.connection = connections.of(ChannelType.URIDONGNETV);
    }

    record SlotRequest(String storeName, String imageUrl, int radiusMeters, List<String> timeSlots, String startAt,
                       String endAt) {
    }

    record SlotResponse(String slotId, String status) {
    }

    @Override
    public ChannelType channel() {
        return ChannelType.URIDONGNETV;
    }

    @Override
    public ChannelPublishResult publish(ChannelPublishRequest request) {
        Map<String, String> settings = request.settings() == null ? Map.of() : request.settings();
        SlotRequest slot = new SlotRequest(request.storeName(), request.imageUrl(),
                Integer.parseInt(settings.getOrDefault("radiusMeters", DEFAULT_RADIUS_METERS)),
                Arrays.stream(settings.getOrDefault("timeSlots", DEFAULT_TIME_SLOTS).split(",")).map(String::strip)
                        .toList(),
                String.valueOf(request.startAt()), String.valueOf(request.endAt()));
        SlotResponse response = connection.call(http -> http.post().uri("/slots")
                .contentType(MediaType.APPLICATION_JSON)
                .header(ChannelConnection.IDEMPOTENCY_KEY, request.idempotencyKey())
                .body(slot)
                .retrieve().body(SlotResponse.class));
        return new ChannelPublishResult(ChannelType.URIDONGNETV, response.slotId(), null);
    }
}
