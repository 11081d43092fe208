package org.retailcx.personalization.model.stats;

/** A mean metric (e.g. revenue per customer) from its running sums; variance is the sample variance (n − 1). */
public record SampleMean(double sum, double sumOfSquares, long n) implements MetricStatistic {

    public SampleMean {
        if (n < 2) {
            throw new IllegalArgumentException("n: a mean metric needs at least 2 units, got " + n);
        }
    }

    @Override
    public double mean() {
        return sum / n;
    }

    @Override
    public double variance() {
        return (sumOfSquares - sum * sum / n) / (n - 1);
    }
}
