package org.retailcx.recommendation.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A weighted blend: each component's scores for the customer are rescaled to [0, 1] (min–max over the catalogue, so
 * that counts, similarities and dot products become comparable) and summed with the component weights. The reason is
 * the one of the component that contributes most to the product's blended score.
 */
public final class HybridRecommender implements Recommender {

    public record Component(TrainingSpec spec, double weight) {
        public Component {
            if (spec == null || spec instanceof Parameters) {
                throw new IllegalArgumentException("a component is a non-hybrid training spec");
            }
            if (!(weight > 0)) {
                throw new IllegalArgumentException("component weights must be positive");
            }
        }
    }

    public record Parameters(List<Component> components) implements TrainingSpec {

        public Parameters {
            if (components == null || components.isEmpty()) {
                throw new IllegalArgumentException("a hybrid needs at least one component");
            }
            components = List.copyOf(components);
        }

        @Override
        public Algorithm algorithm() {
            return Algorithm.HYBRID;
        }

        @Override
        public Recommender fit(InteractionMatrix training) {
            List<Recommender> fitted = new ArrayList<>();
            for (Component c : components) {
                fitted.add(c.spec().fit(training));
            }
            return new HybridRecommender(training, fitted, components.stream().mapToDouble(Component::weight).toArray());
        }
    }

    private final InteractionMatrix training;
    private final List<Recommender> components;
    private final double[] weights;

    private HybridRecommender(InteractionMatrix training, List<Recommender> components, double[] weights) {
        this.training = training;
        this.components = List.copyOf(components);
        this.weights = weights;
    }

    public List<Recommender> components() {
        return components;
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.HYBRID;
    }

    @Override
    public InteractionMatrix training() {
        return training;
    }

    @Override
    public void scoreAll(int customer, double[] scores) {
        java.util.Arrays.fill(scores, 0);
        double[] component = new double[scores.length];
        for (int c = 0; c < components.size(); c++) {
            components.get(c).scoreAll(customer, component);
            rescale(component);
            for (int p = 0; p < scores.length; p++) {
                scores[p] += weights[c] * component[p];
            }
        }
    }

    private static void rescale(double[] scores) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        double range = max - min;
        for (int p = 0; p < scores.length; p++) {
            scores[p] = range > 0 ? (scores[p] - min) / range : 0;
        }
    }

    @Override
    public String explain(int customer, int product) {
        double[] component = new double[training.productCount()];
        int best = 0;
        double bestContribution = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < components.size(); c++) {
            components.get(c).scoreAll(customer, component);
            rescale(component);
            double contribution = weights[c] * component[product];
            if (contribution > bestContribution) {
                bestContribution = contribution;
                best = c;
            }
        }
        Recommender lead = components.get(best);
        return String.format(Locale.ROOT, "%s (%s)", lead.explain(customer, product),
                lead.algorithm().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
