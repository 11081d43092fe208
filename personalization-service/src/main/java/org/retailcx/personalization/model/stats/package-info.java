/**
 * Experiment statistics on per-variation sufficient statistics, following GrowthBook's gbstats: frequentist Welch
 * t-tests (relative lift by the delta method, or absolute difference), asymptotic confidence sequences for
 * continuous monitoring, a Gaussian Bayesian model of the effect (chance to win, risk), the sample-ratio-mismatch
 * check, CUPED variance reduction and Holm / Benjamini–Hochberg corrections. Distributions come from Hipparchus.
 */
package org.retailcx.personalization.model.stats;
