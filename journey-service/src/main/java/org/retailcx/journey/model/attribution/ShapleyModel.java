package org.retailcx.journey.model.attribution;

/**
 * Shapley values over channel coalitions (Shapley 1953; for attribution Dalessandro et al. 2012 and Zhao et al.
 * 2018). A coalition's worth {@code v(S)} is what the paths whose channels all lie in {@code S} converted (count,
 * and separately value); a channel's credit is its marginal contribution averaged over every order of joining,
 * {@code φ_i = Σ_{S ⊆ N∖{i}} |S|! (n−|S|−1)! / n! · (v(S ∪ {i}) − v(S))}. The sum runs over all {@code 2^n}
 * coalitions exactly, so channels are capped; efficiency makes the credits add up to the totals.
 */
public final class ShapleyModel implements AttributionModel {

    public static final int DEFAULT_MAX_CHANNELS = 20;

    private final int maxChannels;

    public ShapleyModel() {
        this(DEFAULT_MAX_CHANNELS);
    }

    /** @param maxChannels refuse path sets with more channels: work and memory grow as {@code 2^n} */
    public ShapleyModel(int maxChannels) {
        if (maxChannels < 1 || maxChannels > 30) {
            throw new IllegalArgumentException("the channel cap must be 1 to 30, was " + maxChannels);
        }
        this.maxChannels = maxChannels;
    }

    @Override
    public String name() {
        return "shapley";
    }

    @Override
    public AttributionResult attribute(PathSet paths) {
        int n = paths.channelCount();
        if (n > maxChannels) {
            throw new IllegalArgumentException("Shapley values over " + n + " channels need 2^" + n
                    + " coalitions; the cap is " + maxChannels + " channels");
        }
        int coalitions = 1 << n;
        double[] conversionWorth = new double[coalitions];
        double[] valueWorth = new double[coalitions];
        for (int p = 0; p < paths.size(); p++) {
            int members = 0;
            for (int channel : paths.touches(p)) {
                members |= 1 << channel;
            }
            conversionWorth[members] += paths.conversions(p);
            valueWorth[members] += paths.value(p);
        }
        // Sum over subsets (zeta transform): afterwards worth[S] covers every path whose channels lie in S.
        for (int channel = 0; channel < n; channel++) {
            int bit = 1 << channel;
            for (int s = 0; s < coalitions; s++) {
                if ((s & bit) != 0) {
                    conversionWorth[s] += conversionWorth[s ^ bit];
                    valueWorth[s] += valueWorth[s ^ bit];
                }
            }
        }
        double[] weightBySize = new double[n + 1]; // the grand coalition has no one left to join it
        for (int size = 0; size < n; size++) {
            weightBySize[size] = 1.0 / (n * binomial(n - 1, size));
        }
        double[] conversions = new double[n];
        double[] value = new double[n];
        for (int s = 0; s < coalitions; s++) {
            double weight = weightBySize[Integer.bitCount(s)];
            for (int channel = 0; channel < n; channel++) {
                int bit = 1 << channel;
                if ((s & bit) == 0) {
                    conversions[channel] += weight * (conversionWorth[s | bit] - conversionWorth[s]);
                    value[channel] += weight * (valueWorth[s | bit] - valueWorth[s]);
                }
            }
        }
        return new AttributionResult(name(), paths.channels(), conversions, value);
    }

    private static double binomial(int n, int k) {
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }
}
