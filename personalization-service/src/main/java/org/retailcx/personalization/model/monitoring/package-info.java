/**
 * Model monitoring metrics for binary classifiers scored against outcomes that arrive later: confusion-matrix
 * metrics, ROC AUC with ties, log loss, calibration by decile, and latency percentiles by nearest rank.
 */
package org.retailcx.personalization.model.monitoring;
