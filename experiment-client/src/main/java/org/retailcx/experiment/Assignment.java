package org.retailcx.experiment;

/**
 * The outcome of evaluating one experiment for one customer.
 *
 * @param variationId   index of the variation served (0, the control, when not in the experiment)
 * @param value         the variation's value
 * @param inExperiment  whether the customer is enrolled (and so counts in the analysis)
 * @param hashUsed      whether the variation came from hashing (not from a forced variation)
 * @param hashAttribute the attribute that was hashed
 * @param hashValue     its value as a string ("" when missing)
 * @param bucket        the hash bucket in [0, 1) when hashing decided; {@code null} otherwise
 */
public record Assignment(
        int variationId,
        Object value,
        boolean inExperiment,
        boolean hashUsed,
        String hashAttribute,
        String hashValue,
        Double bucket) {

    /** GrowthBook's variation key: the index as a string. */
    public String variationKey() {
        return Integer.toString(variationId);
    }
}
