package org.retailcx.personalization.model.stats;

/**
 * An always-valid confidence interval: it may be looked at after every new observation without inflating the
 * error rate; the effect is significant once the interval excludes 0.
 */
public record SequentialResult(double estimate, double ciLower, double ciUpper) {

    public boolean significant() {
        return ciLower > 0 || ciUpper < 0;
    }
}
