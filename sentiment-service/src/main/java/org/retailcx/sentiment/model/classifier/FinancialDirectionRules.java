package org.retailcx.sentiment.model.classifier;

import java.util.List;
import java.util.Set;

/**
 * The financial rule layer: a movement is good or bad according to what moves. "Profit rose" and "costs fell" are
 * positive, "costs rose" and "revenue fell" negative — a general-purpose lexicon scores "rose" alike in both. A
 * direction word (rise, fall, cut, beat, …) is paired with the nearest metric within a few words on either side;
 * metrics are good when they go up (profit, revenue, dividend, rating, …) or bad when they go up (costs, losses,
 * debt, fees, …). A negation just before the direction flips it; a few words carry their own polarity (beat,
 * miss, upgrade, downgrade, outperform).
 */
public final class FinancialDirectionRules {

    /** Counts of positive and negative direction × metric pairs in a text. */
    public record Signal(int positive, int negative) {

        public static final Signal NONE = new Signal(0, 0);

        /** −1..1: the balance of the pairs, 0 when there are none. */
        public double score() {
            int total = positive + negative;
            return total == 0 ? 0 : (positive - negative) / (double) total;
        }
    }

    private static final Set<String> UP = Set.of(
            "rise", "rises", "rose", "risen", "rising", "up", "gain", "gains", "gained", "jump", "jumps", "jumped",
            "surge", "surges", "surged", "soar", "soars", "soared", "climb", "climbs", "climbed", "increase",
            "increases", "increased", "grow", "grows", "grew", "grown", "higher", "highs", "rally", "rallies",
            "rallied", "boost", "boosts", "boosted", "raise", "raises", "raised", "hike", "hikes", "hiked", "lifts",
            "lifted", "expand", "expands", "expanded", "doubles", "doubled", "tops", "topped", "exceeds", "exceeded",
            "improve", "improves", "improved", "record", "strong", "stronger", "spike", "spikes", "spiked");

    private static final Set<String> DOWN = Set.of(
            "fall", "falls", "fell", "fallen", "falling", "down", "drop", "drops", "dropped", "decline", "declines",
            "declined", "slump", "slumps", "slumped", "plunge", "plunges", "plunged", "tumble", "tumbles", "tumbled",
            "sink", "sinks", "sank", "slide", "slides", "slid", "cut", "cuts", "lower", "lowers", "lowered", "lows",
            "decrease", "decreases", "decreased", "shrink", "shrinks", "shrank", "reduce", "reduces", "reduced",
            "slash", "slashes", "slashed", "weak", "weaker", "weakens", "weakened", "halves", "halved", "misses",
            "missed", "slow", "slows", "slowed", "worsen", "worsens", "worsened", "lose", "loses", "lost");

    /** Direction words that are a judgement on their own ("beats", "downgraded"), no metric needed. */
    private static final Set<String> SELF_POSITIVE = Set.of(
            "beat", "beats", "upgrade", "upgrades", "upgraded", "outperform", "outperforms", "overweight",
            "bullish", "buy");
    private static final Set<String> SELF_NEGATIVE = Set.of(
            "miss", "misses", "missed", "downgrade", "downgrades", "downgraded", "underperform", "underweight",
            "bearish", "sell");

    private static final Set<String> GOOD_WHEN_UP = Set.of(
            "profit", "profits", "revenue", "revenues", "sales", "earnings", "eps", "income", "margin", "margins",
            "dividend", "dividends", "guidance", "outlook", "forecast", "target", "rating", "shares", "stock",
            "stocks", "price", "demand", "orders", "growth", "ebitda", "turnover", "bookings", "deposits", "savings",
            "returns", "yield", "market", "value", "valuation", "volume", "output", "production", "customers",
            "subscribers", "users", "payout", "buyback", "confidence", "gdp", "wages", "surplus", "cash", "balance",
            "credit", "limit", "refund", "compensation", "estimates", "expectations");

    private static final Set<String> BAD_WHEN_UP = Set.of(
            "cost", "costs", "expenses", "spending", "loss", "losses", "debt", "debts", "deficit", "unemployment",
            "jobless", "claims", "inflation", "layoffs", "redundancies", "job", "jobs", "delinquencies", "defaults",
            "arrears", "fees", "fee", "charges", "charge", "penalty", "penalties", "fines", "fine", "rates", "premiums",
            "prices", "complaints", "risk", "risks", "volatility", "writedowns", "impairments", "provisions",
            "waiting", "wait", "queue", "fraud", "outages", "churn");

    private static final Set<String> NEGATIONS = Set.of(
            "not", "no", "never", "didn't", "didnt", "don't", "dont", "doesn't", "doesnt", "failed", "fails", "won't",
            "wont", "without");

    private static final int WINDOW_BEFORE = 4;
    private static final int WINDOW_AFTER = 3;

    public Signal evaluate(List<String> lowerCaseTokens) {
        int positive = 0;
        int negative = 0;
        int size = lowerCaseTokens.size();
        for (int i = 0; i < size; i++) {
            String token = lowerCaseTokens.get(i);
            int direction = UP.contains(token) ? 1 : DOWN.contains(token) ? -1 : 0;
            int polarity;
            if (direction != 0) {
                int metric = nearestMetric(lowerCaseTokens, i);
                if (metric == 0) {
                    polarity = SELF_POSITIVE.contains(token) ? 1 : SELF_NEGATIVE.contains(token) ? -1 : 0;
                } else {
                    polarity = direction * metric;
                }
            } else {
                polarity = SELF_POSITIVE.contains(token) ? 1 : SELF_NEGATIVE.contains(token) ? -1 : 0;
            }
            if (polarity == 0) {
                continue;
            }
            if (i > 0 && NEGATIONS.contains(lowerCaseTokens.get(i - 1))
                    || i > 1 && NEGATIONS.contains(lowerCaseTokens.get(i - 2))) {
                polarity = -polarity;
            }
            if (polarity > 0) {
                positive++;
            } else {
                negative++;
            }
        }
        return positive + negative == 0 ? Signal.NONE : new Signal(positive, negative);
    }

    /** +1 for a good-when-up metric, −1 for a bad-when-up one, 0 for none, nearest first (after wins ties). */
    private static int nearestMetric(List<String> tokens, int at) {
        for (int distance = 1; distance <= Math.max(WINDOW_BEFORE, WINDOW_AFTER); distance++) {
            if (distance <= WINDOW_AFTER && at + distance < tokens.size()) {
                int metric = metricPolarity(tokens.get(at + distance));
                if (metric != 0) {
                    return metric;
                }
            }
            if (distance <= WINDOW_BEFORE && at - distance >= 0) {
                int metric = metricPolarity(tokens.get(at - distance));
                if (metric != 0) {
                    return metric;
                }
            }
        }
        return 0;
    }

    private static int metricPolarity(String token) {
        if (GOOD_WHEN_UP.contains(token)) {
            return 1;
        }
        return BAD_WHEN_UP.contains(token) ? -1 : 0;
    }
}
