package org.retailcx.recommendation.pipeline.training;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.mutiny.sqlclient.Row;

import com.fasterxml.jackson.databind.JsonNode;

/** A stored model version: what it was trained with and on, who trained and activated it. */
@RegisterForReflection
public record TrainedModel(int version, String algorithm, String family, JsonNode parameters,
        OffsetDateTime windowFrom, OffsetDateTime windowTo, long bronzeCutoff, long feedbackCutoff, int interactions, int pairs,
        int customers, int products, long fitMillis, String trigger, OffsetDateTime trainedAt, String trainedBy,
        boolean active, OffsetDateTime activatedAt, String activatedBy) {

    static final String SELECT = """
            select m.model_version, a.algorithm, a.family, m.parameters::text, m.window_from, m.window_to,
                m.bronze_cutoff, m.feedback_cutoff, m.interactions, m.pairs, m.customers, m.products, m.fit_millis, m.trigger,
                m.trained_at, m.trained_by, m.active, m.activated_at, m.activated_by
            from gold.dim_recommendation_model m join gold.dim_recommendation_algorithm a using (algorithm_key)""";

    static TrainedModel of(Row r) {
        JsonNode parameters;
        try {
            parameters = org.retailcx.schema.EventJson.mapper().readTree(r.getString(3));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable parameters of model version " + r.getInteger(0), e);
        }
        return new TrainedModel(r.getInteger(0), r.getString(1), r.getString(2), parameters, r.getOffsetDateTime(4),
                r.getOffsetDateTime(5), r.getLong(6), r.getLong(7), r.getInteger(8), r.getInteger(9),
                r.getInteger(10), r.getInteger(11), r.getLong(12), r.getString(13), r.getOffsetDateTime(14),
                r.getString(15), r.getBoolean(16), r.getOffsetDateTime(17), r.getString(18));
    }

    /** Lineage for the registry: the window and the last bronze rows. */
    public String trainingDatasetId() {
        return "interactions " + windowFrom + ".." + windowTo + " up to bronze " + bronzeCutoff + ", feedback up to "
                + feedbackCutoff;
    }

    TrainingData.Cutoffs cutoffs() {
        return new TrainingData.Cutoffs(bronzeCutoff, feedbackCutoff);
    }
}
