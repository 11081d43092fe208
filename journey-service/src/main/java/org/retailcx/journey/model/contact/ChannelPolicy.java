package org.retailcx.journey.model.contact;

import java.util.List;

/** Caps and quiet hours for one channel ({@code quietHours} may be null: the channel may be used at any hour). */
public record ChannelPolicy(String channel, List<FrequencyCap> caps, QuietHours quietHours) {

    public ChannelPolicy {
        caps = List.copyOf(caps);
    }
}
