package org.retailcx.recommendation.model;

import java.time.Instant;

/**
 * One action that could be offered to one customer on one channel: the customer's propensity to accept it, the value
 * of an acceptance (e.g. predicted CLV uplift), the business weight of the action, its priority tier (1 is the most
 * urgent, e.g. churn risk) and when it expires.
 */
public record ActionCandidate(String actionId, String customerId, String channel, double propensity, double value,
        double businessWeight, int priority, Instant expiry) {

    public ActionCandidate {
        if (actionId == null || customerId == null || channel == null || expiry == null) {
            throw new IllegalArgumentException("actionId, customerId, channel and expiry are required");
        }
        if (!(propensity >= 0 && propensity <= 1)) {
            throw new IllegalArgumentException("propensity must lie in [0, 1]");
        }
        if (!(value >= 0) || !(businessWeight >= 0) || Double.isInfinite(value) || Double.isInfinite(businessWeight)) {
            throw new IllegalArgumentException("value and businessWeight must be finite and non-negative");
        }
        if (priority < 1) {
            throw new IllegalArgumentException("priority must be at least 1");
        }
    }

    /** propensity × value × business weight: what arbitration ranks by within a priority tier. */
    public double expectedValue() {
        return propensity * value * businessWeight;
    }
}
