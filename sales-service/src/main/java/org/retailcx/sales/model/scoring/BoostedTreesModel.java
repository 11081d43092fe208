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
 * A trained gradient-boosted-trees lead scorer: log-odds = {@code base} + the sum of the trees' leaf values for the
 * lead's encoded columns. Immutable; its JSON form is what the service stores.
 *
 * @param formatVersion   version of this JSON layout
 * @param encoder         the learned feature encoding
 * @param base            log-odds of the training conversion rate, where boosting starts
 * @param trees           the boosting rounds, in order
 * @param gradeThresholds probability cut-offs for grades A–D at the training score quantiles
 * @param metrics         figures measured on the model, by name
 */
public record BoostedTreesModel(int formatVersion, FeatureEncoder encoder, double base, List<Tree> trees,
        GradeThresholds gradeThresholds, Map<String, Double> metrics) implements LeadScorer {

    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One regression tree in arrays, node 0 the root. An internal node sends a lead left when its column
     * {@code column[n]} is at most {@code threshold[n]}; a leaf has column -1. {@code value[n]} is the (shrunk) value
     * the node would have as a leaf, kept for internal nodes too because explanations walk from value to value;
     * {@code gain[n]} is what the node's split gained in training (0 for a leaf).
     */
    public record Tree(int[] column, double[] threshold, int[] left, int[] right, double[] value, double[] gain) {

        public Tree {
            int n = column.length;
            if (n == 0 || threshold.length != n || left.length != n || right.length != n || value.length != n
                    || gain.length != n) {
                throw new IllegalArgumentException("a tree needs at least one node and equal-length arrays");
            }
        }

        /** The leaf a row of encoded columns reaches. */
        int leaf(double[] x) {
            int node = 0;
            while (column[node] >= 0) {
                node = x[column[node]] <= threshold[node] ? left[node] : right[node];
            }
            return node;
        }

        int leaves() {
            return (int) Arrays.stream(column).filter(c -> c < 0).count();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Tree t && Arrays.equals(column, t.column) && Arrays.equals(threshold, t.threshold)
                    && Arrays.equals(left, t.left) && Arrays.equals(right, t.right) && Arrays.equals(value, t.value)
                    && Arrays.equals(gain, t.gain);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(column), Arrays.hashCode(threshold), Arrays.hashCode(value));
        }

        @Override
        public String toString() {
            return "Tree[nodes=" + column.length + "]";
        }
    }

    public BoostedTreesModel {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported boosted-trees format version " + formatVersion);
        }
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(gradeThresholds, "gradeThresholds");
        trees = List.copyOf(trees);
        int dimension = encoder.dimension();
        for (Tree tree : trees) {
            for (int c : tree.column()) {
                if (c >= dimension) {
                    throw new IllegalArgumentException("a tree splits column " + c + " of " + dimension);
                }
            }
        }
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    @Override
    public String learner() {
        return GRADIENT_BOOSTED_TREES;
    }

    @Override
    public double margin(LeadFeatures lead) {
        double[] x = encoder.encode(lead);
        double margin = base;
        for (Tree tree : trees) {
            margin += tree.value()[tree.leaf(x)];
        }
        return margin;
    }

    /**
     * Saabas' attribution: along the lead's path in each tree, the change of node value at each split goes to the
     * split column's feature; the roots' values join the base. Exact (sums to the margin) and as cheap as scoring.
     */
    @Override
    public Explanation explain(LeadFeatures lead) {
        double[] x = encoder.encode(lead);
        List<String> features = encoder.columnFeatures();
        Map<String, Double> contributions = new LinkedHashMap<>();
        encoder.featureNames().forEach(f -> contributions.put(f, 0.0));
        double start = base;
        for (Tree tree : trees) {
            int node = 0;
            start += tree.value()[0];
            while (tree.column()[node] >= 0) {
                int column = tree.column()[node];
                int next = x[column] <= tree.threshold()[node] ? tree.left()[node] : tree.right()[node];
                Explanation.add(contributions, features.get(column), tree.value()[next] - tree.value()[node]);
                node = next;
            }
        }
        return new Explanation(start, contributions);
    }

    /** Each feature's share of the total split gain over all trees (summing to 1), largest first. */
    public Map<String, Double> gainImportance() {
        List<String> features = encoder.columnFeatures();
        Map<String, Double> gains = new LinkedHashMap<>();
        double total = 0;
        for (Tree tree : trees) {
            for (int n = 0; n < tree.column().length; n++) {
                if (tree.column()[n] >= 0) {
                    Explanation.add(gains, features.get(tree.column()[n]), tree.gain()[n]);
                    total += tree.gain()[n];
                }
            }
        }
        double sum = total;
        Map<String, Double> shares = new LinkedHashMap<>();
        gains.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> shares.put(e.getKey(), sum > 0 ? e.getValue() / sum : 0));
        return shares;
    }

    @Override
    public BoostedTreesModel withMetrics(Map<String, Double> additional) {
        Map<String, Double> merged = new TreeMap<>(metrics);
        merged.putAll(additional);
        return new BoostedTreesModel(formatVersion, encoder, base, trees, gradeThresholds, merged);
    }

    @Override
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write boosted trees as JSON", e);
        }
    }

    /** @throws IllegalArgumentException if the text is not a boosted-trees model of a supported format version */
    public static BoostedTreesModel fromJson(String json) {
        try {
            return JSON.readValue(json, BoostedTreesModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid boosted-trees model: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "BoostedTreesModel[trees=" + trees.size() + ", base=" + base + ", gradeThresholds=" + gradeThresholds
                + ", metrics=" + metrics + "]";
    }
}
