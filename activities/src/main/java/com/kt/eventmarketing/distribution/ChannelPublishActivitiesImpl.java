package com.kt.eventmarketing.distribution;

import com.kt.eventmarketing.distribution.channel.ChannelAdapter;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Publishes to and retracts from one channel per call, through that channel's adapter. */
@Component
public class ChannelPublishActivitiesImpl implements ChannelPublishActivities {

    private final Map<ChannelType, ChannelAdapter> adapters = new EnumMap<>(ChannelType.class);

    public ChannelPublishActivitiesImpl(List<ChannelAdapter> adapters) {
        adapters.forEach(adapter -> this.adapters.put(adapter.channel(), adapter));
        for (ChannelType channel : ChannelType.values()) {
            if (!this.adapters.containsKey(channel)) {
                throw new IllegalStateException("no adapter for channel " + channel);
            }
        }
    }

    @Override
    public ChannelPublishResult publish(ChannelPublishRequest request) {
        return adapters.get(request.channel()).publish(request);
    }

    @Override
    public void retract(ChannelRetractRequest request) {
        if (request.channel().retractable() && request.externalId() != null) {
            adapters.get(request.channel()).retract(request.externalId());
        }
    }
}
