package org.retailcx.sales.model.scoring;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A trained logistic-regression lead scorer: everything needed to score and explain a lead, and nothing else, so
 * that its JSON form can be stored and versioned by the service. Immutable.
 *
 * @param formatVersion   version of this JSON layout, checked when a stored model is read back
 * @param encoder         the learned feature encoding
 * @param intercept       logistic regression intercept
 * @param coefficients    one per encoder column, aligned with {@link FeatureEncoder#columnNames()}
 * @param columnMeans     each column's mean over the training rows, the reference point of {@link #explain};
 *                        absent in models stored before explanations (then zeros)
 * @param gradeThresholds probability cut-offs for grades A–D
 * @param metrics         figures measured on the model (e.g. {@code train.auc}, {@code holdout.auc}), by name
 */
public record LogisticModel(
        int formatVersion,
        FeatureEncoder encoder,
        double intercept,
        double[] coefficients,
        double[] columnMeans,
        GradeThresholds gradeThresholds,
        Map<String, Double> metrics) implements LeadScorer {

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
        columnMeans = columnMeans == null ? new double[coefficients.length] : columnMeans.clone();
        if (coefficients.length != encoder.dimension() || columnMeans.length != coefficients.length) {
            throw new IllegalArgumentException(coefficients.length + " coefficients and " + columnMeans.length
                    + " column means for " + encoder.dimension() + " encoder columns");
        }
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics)); // sorted: stable JSON, readable diffs
    }

    @Override
    public String learner() {
        return LOGISTIC_REGRESSION;
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public double[] columnMeans() {
        return columnMeans.clone();
    }

    @Override
    public double margin(LeadFeatures lead) {
        return intercept + LogisticRegressionTrainer.dot(coefficients, encoder.encode(lead));
    }

    @Override
    public Explanation explain(LeadFeatures lead) {
        double[] x = encoder.encode(lead);
        List<String> features = encoder.columnFeatures();
        double base = intercept;
        Map<String, Double> contributions = new LinkedHashMap<>();
        for (int j = 0; j < x.length; j++) {
            base += coefficients[j] * columnMeans[j];
            Explanation.add(contributions, features.get(j), coefficients[j] * (x[j] - columnMeans[j]));
        }
        return new Explanation(base, contributions);
    }

    /** The coefficients by readable column name, in encoder order. */
    public Map<String, Double> coefficientsByColumn() {
        Map<String, Double> byColumn = new LinkedHashMap<>();
        List<String> names = encoder.columnNames();
        for (int j = 0; j < coefficients.length; j++) {
            byColumn.put(names.get(j), coefficients[j]);
        }
        return byColumn;
    }

    @Override
    public LogisticModel withMetrics(Map<String, Double> additional) {
        Map<String, Double> merged = new TreeMap<>(metrics);
        merged.putAll(additional);
        return new LogisticModel(formatVersion, encoder, intercept, coefficients, columnMeans, gradeThresholds, merged);
    }

    @Override
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

    // Value semantics despite the array components, so a model read back from JSON equals the one written.
    @Override
    public boolean equals(Object other) {
        return other instanceof LogisticModel that
                && formatVersion == that.formatVersion
                && encoder.equals(that.encoder)
                && Double.compare(intercept, that.intercept) == 0
                && Arrays.equals(coefficients, that.coefficients)
                && Arrays.equals(columnMeans, that.columnMeans)
                && gradeThresholds.equals(that.gradeThresholds)
                && metrics.equals(that.metrics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(formatVersion, encoder, intercept, Arrays.hashCode(coefficients),
                Arrays.hashCode(columnMeans), gradeThresholds, metrics);
    }

    @Override
    public String toString() {
        return "LogisticModel[formatVersion=" + formatVersion + ", columns=" + coefficients.length
                + ", intercept=" + intercept + ", gradeThresholds=" + gradeThresholds + ", metrics=" + metrics + "]";
    }
}
