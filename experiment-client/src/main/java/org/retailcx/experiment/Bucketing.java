package org.retailcx.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** GrowthBook's bucketing primitives, bit for bit: the same inputs give the same buckets as its SDKs. */
public final class Bucketing {

    private static final int FNV_OFFSET_BASIS = 0x811c9dc5;
    private static final int FNV_PRIME = 16777619;

    private Bucketing() {
    }

    /** FNV-1a, 32 bit, over UTF-16 code units (as JavaScript's {@code charCodeAt} sees a string). */
    static long fnv1a32(String text) {
        int hash = FNV_OFFSET_BASIS;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= FNV_PRIME;
        }
        return Integer.toUnsignedLong(hash);
    }

    /**
     * The bucket in [0, 1) of {@code value} under {@code seed}. Version 2 hashes twice and is unbiased; version 1
     * is the original (biased, 3 decimals) kept for experiments started with it. Empty for an unknown version.
     */
    public static OptionalDouble hash(String seed, String value, int version) {
        if (version == 2) {
            return OptionalDouble.of((fnv1a32(Long.toString(fnv1a32(seed + value))) % 10000) / 10000.0);
        }
        if (version == 1) {
            return OptionalDouble.of((fnv1a32(value + seed) % 1000) / 1000.0);
        }
        return OptionalDouble.empty();
    }

    public static List<Double> equalWeights(int variations) {
        if (variations <= 0) {
            return List.of();
        }
        return Collections.nCopies(variations, 1.0 / variations);
    }

    /**
     * Bucket ranges of {@code variations} variations: each variation owns a slice proportional to its weight, of
     * which only the first {@code coverage} share enrols. As in GrowthBook, coverage is clamped to [0, 1] and
     * missing weights, weights of the wrong length or weights not summing to 1 ± 0.01 fall back to equal weights.
     *
     * @param coverage {@code null} means full coverage
     * @param weights  {@code null} means equal weights
     */
    public static List<VariationRange> bucketRanges(int variations, Double coverage, List<Double> weights) {
        double share = coverage == null ? 1 : Math.max(0, Math.min(1, coverage));
        List<Double> used = weights;
        if (used == null || used.size() != variations || !sumsToOne(used)) {
            used = equalWeights(variations);
        }
        List<VariationRange> ranges = new ArrayList<>(used.size());
        double cumulative = 0;
        for (double weight : used) {
            double start = cumulative;
            cumulative += weight;
            ranges.add(new VariationRange(start, start + share * weight));
        }
        return ranges;
    }

    private static boolean sumsToOne(List<Double> weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        return total >= 0.99 && total <= 1.01;
    }

    /** Index of the range holding {@code bucket}, or -1 when the bucket falls outside every range. */
    public static int chooseVariation(double bucket, List<VariationRange> ranges) {
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).contains(bucket)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean inNamespace(String hashValue, Namespace namespace) {
        double bucket = hash("__" + namespace.id(), hashValue, 1).getAsDouble();
        return bucket >= namespace.start() && bucket < namespace.end();
    }

    /**
     * A variation forced through a URL query parameter named after the experiment key (QA links), read the way
     * GrowthBook's SDKs read it: the first matching parameter, its leading integer, within range.
     */
    public static OptionalInt queryStringOverride(String experimentKey, String url, int variations) {
        if (url == null || url.isEmpty()) {
            return OptionalInt.empty();
        }
        String[] halves = url.split("\\?", -1);
        if (halves.length < 2 || halves[1].isEmpty()) {
            return OptionalInt.empty();
        }
        String query = halves[1].replaceFirst("#.*", "");
        for (String pair : query.split("&", -1)) {
            String[] keyValue = pair.split("=", -1);
            if (keyValue[0].equals(experimentKey)) {
                OptionalInt forced = JsValues.parseLeadingInt(keyValue.length > 1 ? keyValue[1] : "");
                if (forced.isPresent() && forced.getAsInt() >= 0 && forced.getAsInt() < variations) {
                    return forced;
                }
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }
}
