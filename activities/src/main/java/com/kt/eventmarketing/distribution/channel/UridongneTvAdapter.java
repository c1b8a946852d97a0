package com.kt.eventmarketing.distribution.channel;

import com.kt.eventmarketing.distribution.ChannelPublishRequest;
import com.kt.eventmarketing.distribution.ChannelPublishResult;
import com.kt.eventmarketing.distribution.ChannelSettings;
import com.kt.eventmarketing.distribution.ChannelType;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * KT 우리동네TV: books the event image into screens within a radius of the shop, in the owner's time slots.
 * Channel settings: {@code radiusMeters} and {@code timeSlots}, checked and defaulted by {@link ChannelSettings}.
 */
@Component
public class UridongneTvAdapter implements ChannelAdapter {

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
        SlotRequest slot = new SlotRequest(request.storeName(), request.imageUrl(),
                ChannelSettings.radiusMeters(request.settings()), ChannelSettings.timeSlots(request.settings()),
                String.valueOf(request.startAt()), String.valueOf(request.endAt()));
        SlotResponse response = connection.call(http -> http.post().uri("/slots")
                .contentType(MediaType.APPLICATION_JSON)
                .header(ChannelConnection.IDEMPOTENCY_KEY, request.idempotencyKey())
                .body(slot)
                .retrieve().body(SlotResponse.class));
        return new ChannelPublishResult(ChannelType.URIDONGNETV, response.slotId(), null);
    }
}
