package org.retailcx.sentiment.model.analysis;

/**
 * A blended probability of negative, neutral and positive, and what the schema stores from it: score
 * P(positive) − P(negative) in −1..1, magnitude P(positive) + P(negative) in 0..1 (how much feeling, whichever
 * way), label by the score (≥ 0.1 positive, ≤ −0.1 negative, else neutral — VADER's convention of reading the
 * compound score; an argmax would call most complaints neutral, since every component keeps mass on neutral), and
 * confidence: for a polar label the share of the feeling that points its way, for neutral P(neutral).
 */
public record SentimentEstimate(double negative, double neutral, double positive) {

    /** |score| from which a text counts as positive or negative. */
    public static final double POLAR_THRESHOLD = 0.1;

    public double score() {
        return positive - negative;
    }

    public double magnitude() {
        return positive + negative;
    }

    public SentimentLabel label() {
        if (score() >= POLAR_THRESHOLD) {
            return SentimentLabel.POSITIVE;
        }
        return score() <= -POLAR_THRESHOLD ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
    }

    public double confidence() {
        return switch (label()) {
            case POSITIVE -> positive / magnitude();
            case NEGATIVE -> negative / magnitude();
            case NEUTRAL -> neutral;
        };
    }

    /** A compound-style score s in −1..1 read as a distribution: |s| of the mass on its side, the rest neutral. */
    static SentimentEstimate fromScore(double score) {
        double clamped = Math.max(-1, Math.min(1, score));
        return new SentimentEstimate(Math.max(0, -clamped), 1 - Math.abs(clamped), Math.max(0, clamped));
    }
}
