package org.retailcx.sentiment.model.analysis;

/**
 * A blended probability of negative, neutral and positive, and what the schema stores from it: score
 * P(positive) − P(negative) in −1..1, magnitude P(positive) + P(negative) in 0..1 (how much feeling, whichever
 * way), label the most probable class, confidence that class's probability.
 */
public record SentimentEstimate(double negative, double neutral, double positive) {

    public double score() {
        return positive - negative;
    }

    public double magnitude() {
        return positive + negative;
    }

    public SentimentLabel label() {
        if (positive >= neutral && positive > negative) {
            return SentimentLabel.POSITIVE;
        }
        return negative > neutral && negative >= positive ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
    }

    public double confidence() {
        return Math.max(negative, Math.max(neutral, positive));
    }

    /** A compound-style score s in −1..1 read as a distribution: |s| of the mass on its side, the rest neutral. */
    static SentimentEstimate fromScore(double score) {
        double clamped = Math.max(-1, Math.min(1, score));
        return new SentimentEstimate(Math.max(0, -clamped), 1 - Math.abs(clamped), Math.max(0, clamped));
    }
}
