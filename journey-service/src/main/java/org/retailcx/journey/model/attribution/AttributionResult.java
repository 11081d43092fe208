package org.retailcx.journey.model.attribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions and conversion value credited to each channel by one model. */
public record AttributionResult(String model, List<String> channels, double[] conversions, double[] value) {

    public AttributionResult {
        channels = List.copyOf(channels);
        if (conversions.length != channels.size() || value.length != channels.size()) {
            throw new IllegalArgumentException("one credit per channel");
        }
        conversions = conversions.clone();
        value = value.clone();
    }

    public double conversionsOf(String channel) {
        return conversions[indexOf(channel)];
    }

    public double valueOf(String channel) {
        return value[indexOf(channel)];
    }

    public double totalConversions() {
        double sum = 0;
        for (double credit : conversions) {
            sum += credit;
        }
        return sum;
    }

    public double totalValue() {
        double sum = 0;
        for (double credit : value) {
            sum += credit;
        }
        return sum;
    }

    /** Channel to credited conversions, in the path set's channel order. */
    public Map<String, Double> conversionsByChannel() {
        Map<String, Double> byChannel = new LinkedHashMap<>();
        for (int c = 0; c < channels.size(); c++) {
            byChannel.put(channels.get(c), conversions[c]);
        }
        return byChannel;
    }

    private int indexOf(String channel) {
        int index = channels.indexOf(channel);
        if (index < 0) {
            throw new IllegalArgumentException("no channel '" + channel + "' in " + channels);
        }
        return index;
    }
}
