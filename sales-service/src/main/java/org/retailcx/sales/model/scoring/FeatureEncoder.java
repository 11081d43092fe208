package org.retailcx.sales.model.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a {@link LeadFeatures} into the model's numeric row. Learned from training leads only (means, sds,
 * spline knots and category levels never see validation data), and immutable afterwards, so it is stored with the
 * model. Columns: the numeric features' columns, then the categorical features' columns, each group in
 * feature-name order. Attributes the encoder does not know are ignored at scoring time.
 */
public record FeatureEncoder(List<NumericFeature> numericFeatures, List<CategoricalFeature> categoricalFeatures) {

    public FeatureEncoder {
        numericFeatures = List.copyOf(numericFeatures);
        categoricalFeatures = List.copyOf(categoricalFeatures);
    }

    /**
     * Learns the encoding from training leads. A feature whose non-missing values are all numbers is
     * numeric; one whose values are all strings or booleans is categorical.
     *
     * @throws IllegalArgumentException if there are no records, a feature mixes numbers and categories, a
     *                                  configured feature is absent or of the wrong type, or no feature is left
     */
    public static FeatureEncoder fit(Collection<LeadFeatures> records, EncoderConfig config) {
        Objects.requireNonNull(config, "config");
        if (records.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a feature encoder on no records");
        }
        Set<String> names = new TreeSet<>();
        records.forEach(record -> record.features().keySet().stream().filter(config::uses).forEach(names::add));
        for (String wanted : config.includeFeatures()) {
            if (!names.contains(wanted) && !config.excludeFeatures().contains(wanted)) {
                throw new IllegalArgumentException("included feature '" + wanted + "' is not in the training data");
            }
        }

        List<NumericFeature> numerics = new ArrayList<>();
        List<CategoricalFeature> categoricals = new ArrayList<>();
        for (String name : names) {
            List<Object> values = new ArrayList<>(records.size());
            boolean anyNumber = false;
            boolean anyCategory = false;
            for (LeadFeatures record : records) {
                Object value = record.value(name);
                values.add(value);
                anyNumber |= value instanceof Number;
                anyCategory |= value instanceof String || value instanceof Boolean;
            }
            if (anyNumber && anyCategory) {
                throw new IllegalArgumentException("feature '" + name + "' mixes numeric and categorical values"
                        + " in the training data; make it one type upstream or exclude it");
            }
            if (anyCategory && !config.sentinelsOf(name).isEmpty()) {
                throw new IllegalArgumentException("sentinel values configured for '" + name
                        + "', which is categorical in the training data");
            }
            if (anyNumber) {
                NumericFeature.fit(name, values, config.sentinelsOf(name), config.splineSegments())
                        .ifPresent(numerics::add);
            } else if (anyCategory) {
                CategoricalFeature.fit(name, values, config.minCategoryCount()).ifPresent(categoricals::add);
            }
        }
        if (numerics.isEmpty() && categoricals.isEmpty()) {
            throw new IllegalArgumentException("no usable features in " + records.size() + " training records: "
                    + (names.isEmpty() ? "no attributes left after include/exclude" : "every attribute is constant or missing")
                    + " (attributes considered: " + names + ")");
        }
        return new FeatureEncoder(numerics, categoricals);
    }

    public double[] encode(LeadFeatures lead) {
        double[] row = new double[dimension()];
        int offset = 0;
        for (NumericFeature feature : numericFeatures) {
            feature.encode(lead.value(feature.name()), row, offset);
            offset += feature.width();
        }
        for (CategoricalFeature feature : categoricalFeatures) {
            feature.encode(lead.value(feature.name()), row, offset);
            offset += feature.width();
        }
        return row;
    }

    /** Number of columns a lead is encoded into (the model's coefficients, intercept not counted). */
    public int dimension() {
        return numericFeatures.stream().mapToInt(NumericFeature::width).sum()
                + categoricalFeatures.stream().mapToInt(CategoricalFeature::width).sum();
    }

    /** The input feature of each column, aligned with {@link #encode}, for explaining a score per feature. */
    public List<String> columnFeatures() {
        List<String> features = new ArrayList<>();
        numericFeatures.forEach(feature -> feature.columnNames().forEach(c -> features.add(feature.name())));
        categoricalFeatures.forEach(feature -> feature.columnNames().forEach(c -> features.add(feature.name())));
        return features;
    }

    /** The input features the encoder uses, in column order. */
    public List<String> featureNames() {
        return columnFeatures().stream().distinct().toList();
    }

    /** Readable column names, aligned with {@link #encode}, for explaining coefficients. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        numericFeatures.forEach(feature -> names.addAll(feature.columnNames()));
        categoricalFeatures.forEach(feature -> names.addAll(feature.columnNames()));
        return names;
    }
}
