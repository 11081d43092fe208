/**
 * Product recommendations, affinity calibration and next-best-action arbitration, as plain Java (fastutil for the
 * sparse interaction matrix, EJML for dense matrices; no framework code), so that the service's API, pipeline and
 * event layers can wrap it.
 *
 * <p>{@link org.retailcx.recommendation.model.InteractionMatrix} holds customers × products with weighted, timestamped
 * implicit events. A {@link org.retailcx.recommendation.model.TrainingSpec} (algorithm + hyper-parameters) fits a
 * {@link org.retailcx.recommendation.model.Recommender}: popularity, SAR, item-kNN, ALS, BPR, content-based, hybrid.
 * {@link org.retailcx.recommendation.model.TrainTestSplit} and {@link org.retailcx.recommendation.model.OfflineEvaluation}
 * implement Microsoft Recommenders' offline protocol.
 */
package org.retailcx.recommendation.model;
