package org.retailcx.recommendation.pipeline.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.retailcx.platform.problem.ProblemException;
import org.retailcx.recommendation.model.InteractionMatrix;
import org.retailcx.recommendation.model.OfflineEvaluation;
import org.retailcx.recommendation.model.RankingMetrics;
import org.retailcx.recommendation.model.Recommender;
import org.retailcx.recommendation.model.TrainTestSplit;
import org.retailcx.recommendation.model.TrainingSpec;
import org.retailcx.recommendation.pipeline.training.ModelTraining;
import org.retailcx.recommendation.pipeline.training.TrainingSpecs;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every requested algorithm side by side on one split of one interaction set, with Microsoft Recommenders' protocol
 * ({@link OfflineEvaluation}: binary gains, products seen in training removed). CPU work: call it off the event loop.
 */
public final class OfflineComparison {

    private OfflineComparison() {
    }

    /** stratified: per customer, random by seed; chronological: per customer, oldest first. */
    @RegisterForReflection
    public record Split(String method, double trainRatio, long seed) {
    }

    @RegisterForReflection
    public record Result(String algorithm, JsonNode parameters, double precisionAtK, double recallAtK,
            double ndcgAtK, double map, double mapAtK, double catalogueCoverage, double diversity, double novelty,
            int customersEvaluated, long fitMillis) {
    }

    @RegisterForReflection
    public record Comparison(int k, String data, Split split, int interactions, int customers, int products,
            int trainPairs, int testPairs, List<Result> results) {
    }

    public static Comparison compare(InteractionMatrix all, List<TrainingSpec> specs, Split split, int k, String data,
            int minimumPairs) {
        TrainTestSplit cut = "chronological".equals(split.method())
                ? TrainTestSplit.chronological(all, split.trainRatio())
                : TrainTestSplit.stratified(all, split.trainRatio(), split.seed());
        if (cut.train().cellCount() < minimumPairs || cut.test().cellCount() == 0 || all.productCount() < 2) {
            throw ProblemException.unprocessable(ModelTraining.INSUFFICIENT_DATA,
                    "Too few interactions to evaluate recommenders", "The " + data + " interactions hold "
                            + all.cellCount() + " customer-product pairs of " + all.productCount() + " products;"
                            + " the split leaves " + cut.train().cellCount() + " for training (at least "
                            + minimumPairs + " needed) and " + cut.test().cellCount() + " for testing (at least 1)");
        }
        List<Result> results = new ArrayList<>();
        for (TrainingSpec spec : specs) {
            long started = System.nanoTime();
            Recommender model = spec.fit(cut.train());
            long fitMillis = (System.nanoTime() - started) / 1_000_000;
            RankingMetrics m = OfflineEvaluation.evaluate(model, cut, k);
            results.add(new Result(TrainingSpecs.name(spec.algorithm()), TrainingSpecs.toJson(spec), m.precisionAtK(),
                    m.recallAtK(), m.ndcgAtK(), m.map(), m.mapAtK(), m.catalogueCoverage(), m.diversity(),
                    m.novelty(), m.customers(), fitMillis));
        }
        return new Comparison(k, data, split, all.eventCount(), all.customerCount(), all.productCount(),
                cut.train().cellCount(), cut.test().cellCount(), results);
    }
}
