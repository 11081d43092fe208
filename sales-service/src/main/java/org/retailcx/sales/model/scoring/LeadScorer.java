package org.retailcx.sales.model.scoring;

import java.util.Map;

/**
 * A trained lead scorer, whatever the learner: log-odds of conversion, the grade cut-offs frozen at training, and an
 * additive explanation of each score. Implementations are immutable and stored as JSON by the service, beside the
 * learner's name that {@link #fromJson} needs to read them back.
 */
public sealed interface LeadScorer permits LogisticModel, BoostedTreesModel {

    /** Learner names, as the API and the stored models spell them. */
    String LOGISTIC_REGRESSION = "logistic-regression";
    String GRADIENT_BOOSTED_TREES = "gradient-boosted-trees";

    String learner();

    FeatureEncoder encoder();

    /** Cut-offs at the training score quantiles; the service may grade by other cut-offs (see {@link GradingPolicy}). */
    GradeThresholds gradeThresholds();

    Map<String, Double> metrics();

    /** Log-odds of conversion. Unknown attributes are ignored; unseen categories and missing values are fine. */
    double margin(LeadFeatures lead);

    /** The margin split into a base and one additive contribution per input feature; they sum to the margin. */
    Explanation explain(LeadFeatures lead);

    /** A copy with these metrics added (replacing any of the same name), e.g. after validation. */
    LeadScorer withMetrics(Map<String, Double> additional);

    String toJson();

    default double probability(LeadFeatures lead) {
        return sigmoid(margin(lead));
    }

    default LeadScore score(LeadFeatures lead) {
        return score(lead, gradeThresholds());
    }

    default LeadScore score(LeadFeatures lead, GradeThresholds thresholds) {
        double probability = probability(lead);
        return new LeadScore(probability, thresholds.gradeOf(probability));
    }

    /** @throws IllegalArgumentException for an unknown learner or text that is not a model of it */
    static LeadScorer fromJson(String learner, String json) {
        return switch (learner) {
            case LOGISTIC_REGRESSION -> LogisticModel.fromJson(json);
            case GRADIENT_BOOSTED_TREES -> BoostedTreesModel.fromJson(json);
            default -> throw new IllegalArgumentException("unknown learner " + learner);
        };
    }

    static double sigmoid(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }
}
