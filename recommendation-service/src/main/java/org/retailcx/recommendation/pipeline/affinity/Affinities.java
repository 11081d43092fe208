package org.retailcx.recommendation.pipeline.affinity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.problem.ProblemException;
import org.retailcx.recommendation.model.InteractionMatrix;
import org.retailcx.recommendation.model.PropensityCalibration;
import org.retailcx.recommendation.model.Recommender;
import org.retailcx.recommendation.pipeline.serving.RecommendationServing;
import org.retailcx.recommendation.pipeline.training.ModelCache;
import org.retailcx.recommendation.pipeline.training.ModelTraining;
import org.retailcx.recommendation.pipeline.training.TrainedModel;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A customer's affinity and propensity per product under the active version: affinity is the product's score
 * percentile for the customer, propensity the version's calibrated probability of take-up (null until the version is
 * calibrated). A customer the version never saw gets the popularity percentile and, as propensity, the product's
 * share of customers (cold start).
 */
@ApplicationScoped
public class Affinities {

    @RegisterForReflection
    public record ProductAffinity(String productId, double score, double affinity, Double propensity, boolean held) {
    }

    @RegisterForReflection
    public record CustomerAffinities(String customerId, int modelVersion, String algorithm, boolean calibrated,
            boolean coldStart, List<ProductAffinity> items) {
    }

    private final Pool pool;
    private final ModelTraining models;
    private final ModelCache cache;
    private final PropensityCalibrations calibrations;
    private final RecommendationServing serving;

    public Affinities(Pool pool, ModelTraining models, ModelCache cache, PropensityCalibrations calibrations,
            RecommendationServing serving) {
        this.pool = pool;
        this.models = models;
        this.cache = cache;
        this.calibrations = calibrations;
        this.serving = serving;
    }

    /** The requested products (404 for one the version does not know), or the top k not held, best first. */
    public Uni<CustomerAffinities> of(String customerId, List<String> products, int k) {
        return models.active(pool).chain(model -> {
            if (model == null) {
                throw ProblemException.notFound("No recommendation model is active yet");
            }
            return cache.get(model).chain(recommender -> calibrations.map(model.version())
                    .chain(map -> serving.held(customerId)
                            .map(held -> rank(model, recommender, map, customerId, products, k, held))));
        });
    }

    private static CustomerAffinities rank(TrainedModel model, Recommender recommender,
            PropensityCalibration.Isotonic map, String customerId, List<String> products, int k, Set<String> held) {
        InteractionMatrix m = recommender.training();
        int customer = m.customers().indexOf(customerId);
        double[] scores = new double[m.productCount()];
        int[] popularity = m.customersPerProduct();
        if (customer >= 0) {
            recommender.scoreAll(customer, scores);
        } else {
            for (int p = 0; p < scores.length; p++) {
                scores[p] = popularity[p];
            }
        }
        double[] sorted = scores.clone();
        java.util.Arrays.sort(sorted);
        List<Integer> chosen = new ArrayList<>();
        if (products.isEmpty()) {
            for (int p = 0; p < scores.length; p++) {
                if (!held.contains(m.products().id(p))) {
                    chosen.add(p);
                }
            }
        } else {
            for (String id : products) {
                int p = m.products().indexOf(id);
                if (p < 0) {
                    throw ProblemException.notFound("Product " + id + " is unknown to model version " + model.version());
                }
                chosen.add(p);
            }
        }
        double[] affinity = new double[scores.length];
        for (int p : chosen) {
            affinity[p] = PropensityCalibration.affinity(sorted, scores[p]);
        }
        List<ProductAffinity> items = new ArrayList<>();
        for (int p : chosen) {
            Double propensity = null;
            if (customer < 0) {
                propensity = (double) popularity[p] / Math.max(1, m.customerCount());
            } else if (map != null) {
                propensity = map.apply(affinity[p]);
            }
            items.add(new ProductAffinity(m.products().id(p), scores[p], affinity[p], propensity,
                    held.contains(m.products().id(p))));
        }
        items.sort(Comparator.comparingDouble(ProductAffinity::affinity).reversed()
                .thenComparing(ProductAffinity::productId));
        if (products.isEmpty() && items.size() > k) {
            items = items.subList(0, k);
        }
        return new CustomerAffinities(customerId, model.version(), model.algorithm(), map != null, customer < 0,
                List.copyOf(items));
    }
}
