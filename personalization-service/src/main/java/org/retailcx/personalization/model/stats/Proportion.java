package org.retailcx.personalization.model.stats;

/** A conversion metric: {@code conversions} of {@code n} units; variance p(1 − p) as gbstats uses it. */
public record Proportion(long conversions, long n) implements MetricStatistic {

    public Proportion {
        if (n < 1 || conversions < 0 || conversions > n) {
            throw new IllegalArgumentException("conversions/n: need 0 <= conversions <= n and n >= 1, got "
                    + conversions + "/" + n);
        }
    }

    @Override
    public double mean() {
        return (double) conversions / n;
    }

    @Override
    public double variance() {
        double p = mean();
        return p * (1 - p);
    }
}
