package org.retailcx.journey.model.attribution;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One row of ChannelAttribution's input: the channels touched in order, how many customers on this path converted,
 * the value they converted for, and how many did not. {@code ageBeforeConversion} optionally gives each touch's
 * age when the path ended (first touch oldest), in the same unit as the time-decay half-life; without it a touch's
 * age is the number of touches after it.
 */
public record TouchpointPath(List<String> channels, long conversions, double conversionValue, long nonConversions,
                             double[] ageBeforeConversion) {

    public static final String SEPARATOR = ">";

    public TouchpointPath {
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a path needs at least one touchpoint");
        }
        for (String channel : channels) {
            if (channel.isBlank()) {
                throw new IllegalArgumentException("a touchpoint has a blank channel");
            }
        }
        if (conversions < 0 || nonConversions < 0 || conversionValue < 0 || Double.isNaN(conversionValue)) {
            throw new IllegalArgumentException("conversions, value and non-conversions must not be negative");
        }
        if (ageBeforeConversion != null) {
            if (ageBeforeConversion.length != channels.size()) {
                throw new IllegalArgumentException(
                        "a path of " + channels.size() + " touchpoints has " + ageBeforeConversion.length + " ages");
            }
            for (int i = 0; i < ageBeforeConversion.length; i++) {
                double age = ageBeforeConversion[i];
                if (!(age >= 0) || (i > 0 && age > ageBeforeConversion[i - 1])) {
                    throw new IllegalArgumentException("touchpoint ages must be non-negative and not increase");
                }
            }
            ageBeforeConversion = ageBeforeConversion.clone();
        }
    }

    public TouchpointPath(List<String> channels, long conversions, double conversionValue, long nonConversions) {
        this(channels, conversions, conversionValue, nonConversions, null);
    }

    /** Parses ChannelAttribution's path notation, e.g. {@code "search > email > branch"}. */
    public static TouchpointPath parse(String path, long conversions, double conversionValue, long nonConversions) {
        List<String> channels = Arrays.stream(path.split(SEPARATOR)).map(String::trim).toList();
        return new TouchpointPath(channels, conversions, conversionValue, nonConversions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TouchpointPath that && channels.equals(that.channels)
                && conversions == that.conversions && Double.compare(conversionValue, that.conversionValue) == 0
                && nonConversions == that.nonConversions
                && Arrays.equals(ageBeforeConversion, that.ageBeforeConversion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channels, conversions, conversionValue, nonConversions)
                * 31 + Arrays.hashCode(ageBeforeConversion);
    }

    @Override
    public String toString() {
        return String.join(" " + SEPARATOR + " ", channels) + " (" + conversions + " conversions, value "
                + conversionValue + ", " + nonConversions + " non-conversions)";
    }
}
