package org.retailcx.personalization.api;

import java.time.OffsetDateTime;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the prediction store's read endpoints return. */
public final class PredictionViews {

    private PredictionViews() {
    }

    /** The latest valid prediction of one type for a customer (the serving read). */
    @RegisterForReflection
    public record Latest(String customerId, String predictionType, String predictionId, String modelId,
            int modelVersion, double predictedValue, Double confidenceScore, OffsetDateTime predictionTimestamp) {
    }

    /** One prediction of the history, with the feature values the model read and how long it took. */
    @RegisterForReflection
    public record Prediction(String predictionId, String customerId, String predictionType, String modelId,
            int modelVersion, double predictedValue, Double confidenceScore, Map<String, Object> featureValues,
            OffsetDateTime predictionTimestamp, Double modelRuntimeMs) {
    }
}
