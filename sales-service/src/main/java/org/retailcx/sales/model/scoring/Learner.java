package org.retailcx.sales.model.scoring;

import java.util.List;

/** A way to train a {@link LeadScorer} from labelled leads, the same for every validation protocol. */
public sealed interface Learner permits LogisticRegressionTrainer, GradientBoostingTrainer {

    /** {@link LeadScorer#LOGISTIC_REGRESSION} or {@link LeadScorer#GRADIENT_BOOSTED_TREES}. */
    String name();

    /**
     * Trains on these rows.
     *
     * @throws IllegalArgumentException if the rows cannot train a model (too few, one outcome, no usable feature)
     */
    LeadScorer train(List<LabeledLead> training);

    /**
     * The learner that refits what validation chose for {@code validated} on more rows, without choosing again
     * (boosting keeps its number of trees); for a learner that chooses nothing from data, itself.
     */
    Learner refitting(LeadScorer validated);

    /**
     * Refuses rows no learner can train on: fewer than {@code minRows}, or one outcome only.
     *
     * @return the number of converted rows
     */
    static long requireTrainable(List<LabeledLead> training, int minRows) {
        if (training.size() < minRows) {
            throw new IllegalArgumentException("too few training rows: " + training.size() + " (at least " + minRows
                    + " needed)");
        }
        long conversions = training.stream().filter(LabeledLead::converted).count();
        if (conversions == 0 || conversions == training.size()) {
            throw new IllegalArgumentException("training data has only one outcome (all "
                    + (conversions == 0 ? "non-converted" : "converted") + ", " + training.size()
                    + " rows): a conversion model needs both converted and non-converted leads");
        }
        return conversions;
    }
}
