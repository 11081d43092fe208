package org.retailcx.sales.model.scoring;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A trained lead scorer: everything needed to score a lead, and nothing else, so that its JSON form can be
 * stored and versioned by the service. Immutable.
 *
 * @param formatVersion   version of this JSON layout, checked when a stored model is read back
 * @param encoder         the learned feature encoding
 * @param intercept       logistic regression intercept
 * @param coefficients    one per encoder column, aligned with {@link FeatureEncoder#columnNames()}
 * @param gradeThresholds probability cut-offs for grades A–D
 * @param metrics         figures measured on the model (e.g. {@code train.auc}, {@code holdout.auc}), by name
 */
public record LogisticModel(
        int formatVersion,
        FeatureEncoder encoder,
        double intercept,
        double[] coefficients,
        GradeThresholds gradeThresholds,
        Map<String, Double> metrics) {

    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    public LogisticModel {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported model format version " + formatVersion
                    + " (this code reads version " + FORMAT_VERSION + ")");
        }
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(gradeThresholds, "gradeThresholds");
        coefficients = coefficients.clone();
        if (coefficients.length != encoder.dimension()) {
            throw new IllegalArgumentException(coefficients.length + " coefficients for "
                    + encoder.dimension() + " encoder columns");
        }
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics)); // sorted: stable JSON, readable diffs
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Probability that the lead converts. Unknown attributes are ignored; unseen categories and missing values are fine. */
    public double probability(LeadFeatures lead) {
        return LogisticRegressionTrainer.sigmoid(
                intercept + LogisticRegressionTrainer.dot(coefficients, encoder.encode(lead)));
    }

    public LeadScore score(LeadFeatures lead) {
        double probability = probability(lead);
        return new LeadScore(probability, gradeThresholds.gradeOf(probability));
    }

    /** A copy with these metrics added (replacing any of the same name), e.g. after validation. */
    public LogisticModel withMetrics(Map<String, Double> additional) {
        Map<String, Double> merged = new TreeMap<>(metrics);
        merged.putAll(additional);
        return new LogisticModel(formatVersion, encoder, intercept, coefficients, gradeThresholds, merged);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write scoring model as JSON", e);
        }
    }

    /** @throws IllegalArgumentException if the text is not a scoring model of a supported format version */
    public static LogisticModel fromJson(String json) {
        try {
            return JSON.readValue(json, LogisticModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid scoring model: " + e.getOriginalMessage(), e);
        }
    }

    // Value semantics despite the array component, so a model read back from JSON equals the one written.
    @Override
    public boolean equals(Object other) {
        return other instanceof LogisticModel that
                && formatVersion == that.formatVersion
                && encoder.equals(that.encoder)
                && Double.compare(intercept, that.intercept) == 0
                && Arrays.equals(coefficients, that.coefficients)
                && gradeThresholds.equals(that.gradeThresholds)
                && metrics.equals(that.metrics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(formatVersion, encoder, intercept, Arrays.hashCode(coefficients), gradeThresholds, metrics);
    }

    @Override
    public String toString() {
        return "LogisticModel[formatVersion=" + formatVersion + ", columns=" + coefficients.length
                + ", intercept=" + intercept + ", gradeThresholds=" + gradeThresholds + ", metrics=" + metrics + "]";
    }
}
