package org.retailcx.recommendation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Calibrate a version's propensities: the share of its pairs the refit keeps ({@code trainRatio}, default 0.75,
 * strictly between 0 and 1), the split's and sample's {@code seed} (default 42) and how many customers with held-out
 * pairs are sampled ({@code maxCustomers}, default 2,000, 10–100,000).
 */
@RegisterForReflection
public record CalibrationRequest(Double trainRatio, Long seed, Integer maxCustomers) {
}
