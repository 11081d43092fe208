package org.retailcx.journey.model.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Paths compiled once into channel indices so that every model runs over arrays rather than strings. Channels are
 * numbered in order of first appearance.
 */
public final class PathSet {

    private final List<String> channels;
    private final int[][] touches;
    private final long[] conversions;
    private final double[] values;
    private final long[] nonConversions;
    private final double[][] ages;
    private final long totalConversions;
    private final double totalValue;

    private PathSet(List<String> channels, int[][] touches, long[] conversions, double[] values,
                    long[] nonConversions, double[][] ages) {
        this.channels = List.copyOf(channels);
        this.touches = touches;
        this.conversions = conversions;
        this.values = values;
        this.nonConversions = nonConversions;
        this.ages = ages;
        long conversionSum = 0;
        double valueSum = 0;
        for (int p = 0; p < touches.length; p++) {
            conversionSum += conversions[p];
            valueSum += values[p];
        }
        this.totalConversions = conversionSum;
        this.totalValue = valueSum;
    }

    public static PathSet of(List<TouchpointPath> paths) {
        Map<String, Integer> index = new HashMap<>();
        List<String> channels = new ArrayList<>();
        int n = paths.size();
        int[][] touches = new int[n][];
        long[] conversions = new long[n];
        double[] values = new double[n];
        long[] nonConversions = new long[n];
        double[][] ages = new double[n][];
        for (int p = 0; p < n; p++) {
            TouchpointPath path = paths.get(p);
            int[] indices = new int[path.channels().size()];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = index.computeIfAbsent(path.channels().get(i), channel -> {
                    channels.add(channel);
                    return channels.size() - 1;
                });
            }
            touches[p] = indices;
            conversions[p] = path.conversions();
            values[p] = path.conversionValue();
            nonConversions[p] = path.nonConversions();
            ages[p] = path.ageBeforeConversion();
        }
        return new PathSet(channels, touches, conversions, values, nonConversions, ages);
    }

    public List<String> channels() {
        return channels;
    }

    public int channelCount() {
        return channels.size();
    }

    public int size() {
        return touches.length;
    }

    /** Channel indices of path {@code p} in touch order; callers must not modify the array. */
    int[] touches(int p) {
        return touches[p];
    }

    long conversions(int p) {
        return conversions[p];
    }

    double value(int p) {
        return values[p];
    }

    long nonConversions(int p) {
        return nonConversions[p];
    }

    /** Age of each touch of path {@code p}, or {@code null} when the path was given without times. */
    double[] ages(int p) {
        return ages[p];
    }

    public long totalConversions() {
        return totalConversions;
    }

    public double totalValue() {
        return totalValue;
    }
}
