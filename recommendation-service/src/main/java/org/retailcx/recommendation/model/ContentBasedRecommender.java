package org.retailcx.recommendation.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Content-based: each product is a TF-IDF vector over its attributes (binary term frequency, smoothed inverse
 * document frequency ln((1 + n) / (1 + df)) + 1, rows of unit length); a customer's profile is the sum of the vectors
 * of the products they interacted with, weighted by the interaction weight; a product's score is the cosine between
 * its vector and the profile. New products with attributes are recommendable from day one (no interactions needed).
 */
public final class ContentBasedRecommender implements Recommender {

    public record Parameters(ProductAttributes attributes) implements TrainingSpec {

        public Parameters {
            if (attributes == null) {
                throw new IllegalArgumentException("attributes are required");
            }
        }

        @Override
        public Algorithm algorithm() {
            return Algorithm.CONTENT_BASED;
        }

        @Override
        public Recommender fit(InteractionMatrix training) {
            return new ContentBasedRecommender(training, attributes);
        }
    }

    private final InteractionMatrix training;
    private final String[] attributeNames;
    /** Products × attributes, unit rows. */
    private final DMatrixRMaj features;

    private ContentBasedRecommender(InteractionMatrix training, ProductAttributes attributes) {
        this.training = training;
        int products = training.productCount();
        TreeMap<String, Integer> documentFrequency = new TreeMap<>();
        for (int p = 0; p < products; p++) {
            for (String a : attributes.of(training.products().id(p))) {
                documentFrequency.merge(a, 1, Integer::sum);
            }
        }
        attributeNames = documentFrequency.keySet().toArray(String[]::new);
        features = new DMatrixRMaj(products, attributeNames.length);
        for (int p = 0; p < products; p++) {
            Set<String> own = attributes.of(training.products().id(p));
            double norm = 0;
            for (int a = 0; a < attributeNames.length; a++) {
                if (own.contains(attributeNames[a])) {
                    double idf = Math.log((1.0 + products) / (1.0 + documentFrequency.get(attributeNames[a]))) + 1;
                    features.unsafe_set(p, a, idf);
                    norm += idf * idf;
                }
            }
            double length = Math.sqrt(norm);
            for (int a = 0; norm > 0 && a < attributeNames.length; a++) {
                features.data[p * attributeNames.length + a] /= length;
            }
        }
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.CONTENT_BASED;
    }

    @Override
    public InteractionMatrix training() {
        return training;
    }

    @Override
    public void scoreAll(int customer, double[] scores) {
        DMatrixRMaj profile = profile(customer);
        double norm = Math.sqrt(CommonOps_DDRM.dot(profile, profile));
        if (norm == 0) {
            Arrays.fill(scores, 0);
            return;
        }
        CommonOps_DDRM.mult(features, profile, DMatrixRMaj.wrap(scores.length, 1, scores));
        for (int p = 0; p < scores.length; p++) {
            scores[p] /= norm;
        }
    }

    private DMatrixRMaj profile(int customer) {
        int width = attributeNames.length;
        DMatrixRMaj profile = new DMatrixRMaj(width, 1);
        for (int cell = training.rowStart(customer); cell < training.rowEnd(customer); cell++) {
            double w = training.weight(cell);
            int offset = training.product(cell) * width;
            for (int a = 0; a < width; a++) {
                profile.data[a] += w * features.data[offset + a];
            }
        }
        return profile;
    }

    /** Cosine of two products' attribute vectors. */
    public double productSimilarity(int a, int b) {
        int width = attributeNames.length;
        double dot = 0;
        for (int f = 0; f < width; f++) {
            dot += features.data[a * width + f] * features.data[b * width + f];
        }
        return dot;
    }

    @Override
    public String explain(int customer, int product) {
        int width = attributeNames.length;
        int bestCell = -1;
        double best = 0;
        for (int cell = training.rowStart(customer); cell < training.rowEnd(customer); cell++) {
            double contribution = training.weight(cell) * productSimilarity(training.product(cell), product);
            if (contribution > best) {
                best = contribution;
                bestCell = cell;
            }
        }
        if (bestCell < 0) {
            return "matches products you may like";
        }
        int held = training.product(bestCell);
        int sharedAttribute = -1;
        double strongest = 0;
        for (int a = 0; a < width; a++) {
            double shared = features.data[held * width + a] * features.data[product * width + a];
            if (shared > strongest) {
                strongest = shared;
                sharedAttribute = a;
            }
        }
        return String.format(Locale.ROOT, "because you %s %s (same %s)", training.strongestType(bestCell).pastTense(),
                training.products().id(held), attributeNames[sharedAttribute]);
    }
}
