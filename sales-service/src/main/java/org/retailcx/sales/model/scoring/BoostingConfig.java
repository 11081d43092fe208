package org.retailcx.sales.model.scoring;

import java.util.Objects;

/**
 * Settings of {@link GradientBoostingTrainer}.
 *
 * @param encoder             how lead attributes become columns (no splines: a tree splits a column anywhere)
 * @param maxTrees            most boosting rounds when early stopping chooses their number
 * @param trees               if positive, exactly this many rounds and no inner split (a refit of a validated model)
 * @param learningRate        shrinkage: each tree's leaf values are scaled by this
 * @param maxDepth            a leaf is at most this many splits below the root
 * @param maxLeaves           leaves per tree; the tree grows best split first (leaf-wise) until it has them
 * @param minLeafRows         a split leaves at least this many training rows on each side
 * @param l2Penalty           lambda in a leaf's value {@code -G / (H + lambda)} and in the split gain
 * @param minSplitGain        a split must gain more than this (in the loss' second-order approximation)
 * @param maxBins             each column is cut into at most this many bins (quantiles of its training values)
 * @param rowSubsample        share of training rows each tree sees, drawn afresh per round (stochastic boosting)
 * @param validationFraction  share of the training rows held out to choose the number of trees
 * @param earlyStoppingRounds stop once the held-out log loss has not improved for this many rounds
 * @param seed                seeds the inner split and the row samples: same data and seed, same model
 * @param minTrainingRows     fewer training leads than this is refused
 * @param grades              how grade thresholds are derived from the training scores
 */
public record BoostingConfig(EncoderConfig encoder, int maxTrees, int trees, double learningRate, int maxDepth,
        int maxLeaves, int minLeafRows, double l2Penalty, double minSplitGain, int maxBins, double rowSubsample,
        double validationFraction, int earlyStoppingRounds, long seed, int minTrainingRows, GradePolicy grades) {

    public BoostingConfig {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(grades, "grades");
        require(maxTrees >= 1 && maxTrees <= 5000, "maxTrees must be 1..5000: " + maxTrees);
        require(trees >= 0 && trees <= 5000, "trees must be 0..5000: " + trees);
        require(learningRate > 0 && learningRate <= 1, "learningRate must be in (0, 1]: " + learningRate);
        require(maxDepth >= 1 && maxDepth <= 12, "maxDepth must be 1..12: " + maxDepth);
        require(maxLeaves >= 2 && maxLeaves <= 1 << maxDepth, "maxLeaves must be 2..2^maxDepth: " + maxLeaves);
        require(minLeafRows >= 1, "minLeafRows must be >= 1: " + minLeafRows);
        require(l2Penalty >= 0 && Double.isFinite(l2Penalty), "l2Penalty must be >= 0: " + l2Penalty);
        require(minSplitGain >= 0, "minSplitGain must be >= 0: " + minSplitGain);
        require(maxBins >= 2 && maxBins <= 256, "maxBins must be 2..256: " + maxBins);
        require(rowSubsample > 0 && rowSubsample <= 1, "rowSubsample must be in (0, 1]: " + rowSubsample);
        require(validationFraction > 0 && validationFraction < 0.5,
                "validationFraction must be in (0, 0.5): " + validationFraction);
        require(earlyStoppingRounds >= 1, "earlyStoppingRounds must be >= 1: " + earlyStoppingRounds);
        require(minTrainingRows >= 2, "minTrainingRows must be >= 2: " + minTrainingRows);
    }

    /**
     * Chosen on an inner validation split of bank-marketing's time-ordered training part (its first 75 %) only,
     * from a small grid (see the sales README): shallow trees, strong shrinkage, large leaves.
     */
    public static BoostingConfig defaults() {
        return new BoostingConfig(EncoderConfig.defaults(), 1000, 0, 0.05, 4, 12, 100, 1.0, 0.0, 64, 0.8, 0.2, 50,
                20240601L, TrainerConfig.DEFAULT_MIN_TRAINING_ROWS, GradePolicy.defaults());
    }

    public BoostingConfig withEncoder(EncoderConfig e) {
        return new BoostingConfig(e, maxTrees, trees, learningRate, maxDepth, maxLeaves, minLeafRows, l2Penalty,
                minSplitGain, maxBins, rowSubsample, validationFraction, earlyStoppingRounds, seed, minTrainingRows,
                grades);
    }

    /** Exactly {@code n} rounds, no inner split. */
    public BoostingConfig withTrees(int n) {
        return new BoostingConfig(encoder, maxTrees, n, learningRate, maxDepth, maxLeaves, minLeafRows, l2Penalty,
                minSplitGain, maxBins, rowSubsample, validationFraction, earlyStoppingRounds, seed, minTrainingRows,
                grades);
    }

    public BoostingConfig withTreeShape(double rate, int depth, int leaves, int minRows) {
        return new BoostingConfig(encoder, maxTrees, trees, rate, depth, leaves, minRows, l2Penalty, minSplitGain,
                maxBins, rowSubsample, validationFraction, earlyStoppingRounds, seed, minTrainingRows, grades);
    }

    public BoostingConfig withSeed(long s) {
        return new BoostingConfig(encoder, maxTrees, trees, learningRate, maxDepth, maxLeaves, minLeafRows, l2Penalty,
                minSplitGain, maxBins, rowSubsample, validationFraction, earlyStoppingRounds, s, minTrainingRows,
                grades);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
