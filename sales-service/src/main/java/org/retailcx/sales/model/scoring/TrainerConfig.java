package org.retailcx.sales.model.scoring;

import java.util.Objects;

/**
 * Settings of {@link LogisticRegressionTrainer}.
 *
 * @param encoder         how lead attributes become columns
 * @param l2Penalty       lambda in {@code sum(log loss) + lambda/2 * ||w||^2} (intercept not penalised); must
 *                        be positive, which also keeps full one-hot blocks identifiable
 * @param minTrainingRows fewer training leads than this is refused, as no stable model comes out of it
 * @param grades          how grade thresholds are derived from the training scores
 */
public record TrainerConfig(EncoderConfig encoder, double l2Penalty, int minTrainingRows, GradePolicy grades) {

    public static final double DEFAULT_L2_PENALTY = 1.0;
    public static final int DEFAULT_MIN_TRAINING_ROWS = 100;

    public TrainerConfig {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(grades, "grades");
        if (!(l2Penalty > 0 && Double.isFinite(l2Penalty))) {
            throw new IllegalArgumentException("l2Penalty must be positive and finite: " + l2Penalty);
        }
        if (minTrainingRows < 2) {
            throw new IllegalArgumentException("minTrainingRows must be >= 2: " + minTrainingRows);
        }
    }

    public static TrainerConfig defaults() {
        return new TrainerConfig(EncoderConfig.defaults(), DEFAULT_L2_PENALTY, DEFAULT_MIN_TRAINING_ROWS,
                GradePolicy.defaults());
    }

    public TrainerConfig withEncoder(EncoderConfig newEncoder) {
        return new TrainerConfig(newEncoder, l2Penalty, minTrainingRows, grades);
    }

    public TrainerConfig withL2Penalty(double penalty) {
        return new TrainerConfig(encoder, penalty, minTrainingRows, grades);
    }
}
