/**
 * Feature drift of a current window against a reference window, with Evidently's statistical tests, default
 * choice of test and thresholds: Kolmogorov–Smirnov, χ², Z-test on proportions, Wasserstein distance normed by the
 * reference standard deviation, Jensen–Shannon distance and PSI; a data set drifts when at least half of its
 * columns drift.
 */
package org.retailcx.personalization.model.drift;
