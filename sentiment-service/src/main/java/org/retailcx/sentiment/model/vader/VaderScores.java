package org.retailcx.sentiment.model.vader;

/**
 * VADER's four outputs for one text: the proportions of negative, neutral and positive valence (they add up to 1,
 * or are all 0 for a text without words) and the normalised compound score in −1..1. Values are unrounded; the
 * reference implementation prints them rounded to 3 (proportions) and 4 (compound) places.
 */
public record VaderScores(double negative, double neutral, double positive, double compound) {

    public static final VaderScores EMPTY = new VaderScores(0, 0, 0, 0);

    /** The label that VADER's authors recommend: compound ≥ 0.05 positive, ≤ −0.05 negative, else neutral. */
    public int polarity() {
        if (compound >= 0.05) {
            return 1;
        }
        return compound <= -0.05 ? -1 : 0;
    }
}
