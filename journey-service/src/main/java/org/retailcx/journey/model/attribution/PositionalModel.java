package org.retailcx.journey.model.attribution;

import java.util.Arrays;

/**
 * The rule-based models: each converting path's conversions and value are split over its touches by weights that
 * depend only on the touches' positions (or ages) and sum to one, so credits add up to the totals exactly.
 * A channel touched twice on a path is credited for both touches.
 */
public final class PositionalModel implements AttributionModel {

    private enum Rule { FIRST_TOUCH, LAST_TOUCH, LINEAR, TIME_DECAY, POSITION_BASED }

    private final Rule rule;
    private final String name;
    private final double halfLife;
    private final double endShare;

    private PositionalModel(Rule rule, String name, double halfLife, double endShare) {
        this.rule = rule;
        this.name = name;
        this.halfLife = halfLife;
        this.endShare = endShare;
    }

    public static PositionalModel firstTouch() {
        return new PositionalModel(Rule.FIRST_TOUCH, "first-touch", 0, 0);
    }

    public static PositionalModel lastTouch() {
        return new PositionalModel(Rule.LAST_TOUCH, "last-touch", 0, 0);
    }

    public static PositionalModel linear() {
        return new PositionalModel(Rule.LINEAR, "linear", 0, 0);
    }

    /** A touch's weight halves with every {@code halfLife} of age (in the unit of the paths' ages, or touches). */
    public static PositionalModel timeDecay(double halfLife) {
        if (!(halfLife > 0) || Double.isInfinite(halfLife)) {
            throw new IllegalArgumentException("half-life must be positive and finite, was " + halfLife);
        }
        return new PositionalModel(Rule.TIME_DECAY, "time-decay", halfLife, 0);
    }

    /** 40 % to the first touch, 40 % to the last, 20 % shared by the touches between (the U-shaped model). */
    public static PositionalModel positionBased() {
        return positionBased(0.4);
    }

    /**
     * {@code endShare} to each of the first and last touch and the rest shared by the middle ones; a path of two
     * touches splits evenly, since it has no middle to give the rest to.
     */
    public static PositionalModel positionBased(double endShare) {
        if (!(endShare >= 0 && endShare <= 0.5)) {
            throw new IllegalArgumentException("each end's share must lie in [0, 0.5], was " + endShare);
        }
        return new PositionalModel(Rule.POSITION_BASED, "position-based", 0, endShare);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AttributionResult attribute(PathSet paths) {
        double[] conversions = new double[paths.channelCount()];
        double[] value = new double[paths.channelCount()];
        double[] weights = new double[0];
        for (int p = 0; p < paths.size(); p++) {
            long pathConversions = paths.conversions(p);
            double pathValue = paths.value(p);
            if (pathConversions == 0 && pathValue == 0) {
                continue;
            }
            int[] touches = paths.touches(p);
            if (weights.length < touches.length) {
                weights = new double[Math.max(touches.length, 2 * weights.length)];
            }
            weigh(touches.length, paths.ages(p), weights);
            for (int i = 0; i < touches.length; i++) {
                conversions[touches[i]] += pathConversions * weights[i];
                value[touches[i]] += pathValue * weights[i];
            }
        }
        return new AttributionResult(name, paths.channels(), conversions, value);
    }

    private void weigh(int length, double[] ages, double[] weights) {
        Arrays.fill(weights, 0, length, 0.0);
        switch (rule) {
            case FIRST_TOUCH -> weights[0] = 1;
            case LAST_TOUCH -> weights[length - 1] = 1;
            case LINEAR -> Arrays.fill(weights, 0, length, 1.0 / length);
            case TIME_DECAY -> {
                // Ages relative to the newest touch keep 2^(-age/h) away from underflow on very old paths.
                double newest = ages == null ? 0 : ages[length - 1];
                double sum = 0;
                for (int i = 0; i < length; i++) {
                    double age = ages == null ? length - 1 - i : ages[i] - newest;
                    weights[i] = Math.pow(2, -age / halfLife);
                    sum += weights[i];
                }
                for (int i = 0; i < length; i++) {
                    weights[i] /= sum;
                }
            }
            case POSITION_BASED -> {
                if (length == 1) {
                    weights[0] = 1;
                } else if (length == 2) {
                    weights[0] = 0.5;
                    weights[1] = 0.5;
                } else {
                    weights[0] = endShare;
                    weights[length - 1] = endShare;
                    double middle = (1 - 2 * endShare) / (length - 2);
                    for (int i = 1; i < length - 1; i++) {
                        weights[i] = middle;
                    }
                }
            }
        }
    }
}
