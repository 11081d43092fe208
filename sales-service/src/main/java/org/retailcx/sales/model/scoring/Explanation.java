package org.retailcx.sales.model.scoring;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a lead got its score, in log-odds: {@code base} (the score of a lead with nothing known about it) plus one
 * contribution per input feature, summing to the lead's margin. For the linear model a contribution is the
 * coefficients times the lead's columns minus their training means (exact Shapley values for a linear model); for
 * boosted trees it is what the feature's splits on the lead's paths add (Saabas' path attribution).
 *
 * @param contributions by feature name, in encoder order
 */
public record Explanation(double base, Map<String, Double> contributions) {

    /** One reason: a feature and how much it raised (positive) or lowered the log-odds. */
    public record Reason(String feature, double contribution) {
    }

    public Explanation {
        contributions = Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
    }

    public double margin() {
        return base + contributions.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The {@code n} features that moved this score most, largest absolute contribution first. */
    public List<Reason> top(int n) {
        return contributions.entrySet().stream().filter(e -> e.getValue() != 0)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())))
                .limit(n).map(e -> new Reason(e.getKey(), e.getValue())).toList();
    }

    /** Adds {@code value} to the feature's contribution in a map being built. */
    static void add(Map<String, Double> contributions, String feature, double value) {
        contributions.merge(feature, value, Double::sum);
    }
}
