package org.retailcx.recommendation.model;

import java.util.Map;

/**
 * How often a customer may be contacted within the policy's window: at most {@code perCustomer} actions in all, and
 * per channel at most the channel's cap ({@code defaultPerChannel} for channels not listed).
 */
public record ContactPolicy(int perCustomer, int defaultPerChannel, Map<String, Integer> perChannel) {

    public ContactPolicy {
        perChannel = Map.copyOf(perChannel);
        if (perCustomer < 0 || defaultPerChannel < 0 || perChannel.values().stream().anyMatch(cap -> cap < 0)) {
            throw new IllegalArgumentException("caps must be non-negative");
        }
    }

    public int channelCap(String channel) {
        return perChannel.getOrDefault(channel, defaultPerChannel);
    }
}
