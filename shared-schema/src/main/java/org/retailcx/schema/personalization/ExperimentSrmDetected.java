package org.retailcx.schema.personalization;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An experiment's units per variation stopped matching its weights (the chi-square SRM test's p below 0.001): raised
 * once per onset, in the transaction that promoted the exposures showing it; again only after the data recovered and
 * then mismatched again. {@code units} and {@code weights} are in the definition's variation order.
 */
@RegisterForReflection
public record ExperimentSrmDetected(
        String experimentId,
        List<String> variations,
        List<Integer> units,
        List<Double> weights,
        double chiSquare,
        int degreesOfFreedom,
        double pValue,
        String dataAsOf) {
}
