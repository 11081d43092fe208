package org.retailcx.personalization.model.stats;

/** A normal prior on the effect, in the effect's own units; {@link #FLAT} lets the data speak alone. */
public record GaussianPrior(double mean, double variance) {

    public static final GaussianPrior FLAT = new GaussianPrior(0, Double.POSITIVE_INFINITY);

    public GaussianPrior {
        if (!(variance > 0)) {
            throw new IllegalArgumentException("variance: a prior needs a positive variance, got " + variance);
        }
    }

    boolean flat() {
        return Double.isInfinite(variance);
    }
}
