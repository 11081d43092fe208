package org.retailcx.sales.pipeline.scoring;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.retailcx.platform.problem.ProblemException;
import org.retailcx.sales.model.scoring.BoostingConfig;
import org.retailcx.sales.model.scoring.EncoderConfig;
import org.retailcx.sales.model.scoring.GradePolicy;
import org.retailcx.sales.model.scoring.GradientBoostingTrainer;
import org.retailcx.sales.model.scoring.LeadScorer;
import org.retailcx.sales.model.scoring.Learner;
import org.retailcx.sales.model.scoring.LogisticRegressionTrainer;
import org.retailcx.sales.model.scoring.TrainerConfig;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How a model is trained and validated; null fields take the defaults ({@link #normalised()} fills them and answers
 * 400 naming a field that is out of range). Stored with the model as its protocol.
 *
 * @param learner    {@code logistic-regression} (default) or {@code gradient-boosted-trees}
 * @param protocol   {@code random-stratified} (default: a stratified holdout plus k-fold cross-validation),
 *                   {@code time-ordered} (train before {@code trainBefore}, or on the first {@code trainShare} of the
 *                   rows by {@code timeField}; validate on the rest) or {@code validation-upload} (a separate file)
 * @param refit      after validation, train the stored model on all rows (training and validation part); the
 *                   reported figures stay those of the validation-phase model
 */
@RegisterForReflection
public record TrainingOptions(String learner, String protocol, Double holdoutFraction, Long seed, Integer folds,
        List<String> excludeFeatures, Map<String, List<Double>> sentinels, Integer splineSegments, Double l2Penalty,
        Integer unconvertedAfterDays, String timeField, LocalDate trainBefore, Double trainShare, Boolean refit,
        Double learningRate, Integer maxDepth, Integer maxLeaves, Integer minLeafRows, Integer maxTrees,
        GradingOptions grading) {

    public static final String RANDOM_STRATIFIED = "random-stratified";
    public static final String TIME_ORDERED = "time-ordered";
    public static final String VALIDATION_UPLOAD = "validation-upload";
    public static final double DEFAULT_HOLDOUT = 0.2;
    public static final long DEFAULT_SEED = 20240601L;
    public static final int DEFAULT_FOLDS = 5;
    public static final int DEFAULT_SPLINE_SEGMENTS = 10;
    public static final int DEFAULT_UNCONVERTED_AFTER_DAYS = 180;
    /** The time field of training on silver: the golden lead's creation date. */
    public static final String SILVER_TIME_FIELD = "createdDate";

    public static TrainingOptions defaults() {
        return new TrainingOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    public TrainingOptions withProtocol(String name) {
        return new TrainingOptions(learner, name, holdoutFraction, seed, folds, excludeFeatures, sentinels,
                splineSegments, l2Penalty, unconvertedAfterDays, timeField, trainBefore, trainShare, refit,
                learningRate, maxDepth, maxLeaves, minLeafRows, maxTrees, grading);
    }

    public TrainingOptions withLearner(String name) {
        return new TrainingOptions(name, protocol, holdoutFraction, seed, folds, excludeFeatures, sentinels,
                splineSegments, l2Penalty, unconvertedAfterDays, timeField, trainBefore, trainShare, refit,
                learningRate, maxDepth, maxLeaves, minLeafRows, maxTrees, grading);
    }

    /** Every default filled in; 400 naming the first field out of range. */
    public TrainingOptions normalised() {
        String l = learner == null ? LeadScorer.LOGISTIC_REGRESSION : learner;
        if (!l.equals(LeadScorer.LOGISTIC_REGRESSION) && !l.equals(LeadScorer.GRADIENT_BOOSTED_TREES)) {
            throw ProblemException.invalid("learner", "must be " + LeadScorer.LOGISTIC_REGRESSION + " or "
                    + LeadScorer.GRADIENT_BOOSTED_TREES);
        }
        String p = protocol == null ? RANDOM_STRATIFIED : protocol;
        if (!Set.of(RANDOM_STRATIFIED, TIME_ORDERED, VALIDATION_UPLOAD).contains(p)) {
            throw ProblemException.invalid("protocol", "must be " + RANDOM_STRATIFIED + ", " + TIME_ORDERED + " or "
                    + VALIDATION_UPLOAD);
        }
        double holdout = holdoutFraction == null ? DEFAULT_HOLDOUT : holdoutFraction;
        if (!(holdout > 0 && holdout < 0.9)) {
            throw ProblemException.invalid("holdoutFraction", "must be in (0, 0.9)");
        }
        boolean random = p.equals(RANDOM_STRATIFIED);
        int k = folds == null ? (random ? DEFAULT_FOLDS : 0) : folds;
        if (k != 0 && (k < 2 || k > 20)) {
            throw ProblemException.invalid("folds", "must be 0 (no cross-validation) or 2..20");
        }
        if (k != 0 && !random) {
            throw ProblemException.invalid("folds", "cross-validation shuffles rows, so it goes with "
                    + RANDOM_STRATIFIED + " only; " + p + " validates on its own split");
        }
        String field = timeField;
        Double share = trainShare;
        if (p.equals(TIME_ORDERED)) {
            if (field == null || field.isBlank()) {
                throw ProblemException.invalid("timeField", "a time-ordered split needs the field holding each"
                        + " row's date");
            }
            if (trainBefore != null && share != null) {
                throw ProblemException.invalid("trainShare", "give trainBefore or trainShare, not both");
            }
            if (trainBefore == null && share == null) {
                share = 1 - holdout;
            }
            if (share != null && !(share > 0 && share < 1)) {
                throw ProblemException.invalid("trainShare", "must be in (0, 1)");
            }
        } else if (trainBefore != null || share != null) {
            throw ProblemException.invalid(trainBefore != null ? "trainBefore" : "trainShare",
                    "belongs to the " + TIME_ORDERED + " protocol");
        }
        int segments = splineSegments == null ? DEFAULT_SPLINE_SEGMENTS : splineSegments;
        if (segments < 0 || segments > 50) {
            throw ProblemException.invalid("splineSegments", "must be 0..50");
        }
        double l2 = l2Penalty == null ? TrainerConfig.DEFAULT_L2_PENALTY : l2Penalty;
        if (!(l2 > 0 && Double.isFinite(l2))) {
            throw ProblemException.invalid("l2Penalty", "must be positive");
        }
        int days = unconvertedAfterDays == null ? DEFAULT_UNCONVERTED_AFTER_DAYS : unconvertedAfterDays;
        if (days < 1) {
            throw ProblemException.invalid("unconvertedAfterDays", "must be at least 1");
        }
        BoostingConfig boosting = BoostingConfig.defaults();
        double rate = learningRate == null ? boosting.learningRate() : learningRate;
        int depth = maxDepth == null ? boosting.maxDepth() : maxDepth;
        int leaves = maxLeaves == null ? Math.min(boosting.maxLeaves(), 1 << Math.min(depth, 12)) : maxLeaves;
        int leafRows = minLeafRows == null ? boosting.minLeafRows() : minLeafRows;
        int trees = maxTrees == null ? boosting.maxTrees() : maxTrees;
        range("learningRate", rate > 0 && rate <= 1, "must be in (0, 1]");
        range("maxDepth", depth >= 1 && depth <= 12, "must be 1..12");
        range("maxLeaves", leaves >= 2 && leaves <= 1 << depth, "must be 2..2^maxDepth");
        range("minLeafRows", leafRows >= 1, "must be at least 1");
        range("maxTrees", trees >= 1 && trees <= 5000, "must be 1..5000");
        return new TrainingOptions(l, p, holdout, seed == null ? DEFAULT_SEED : seed, k,
                excludeFeatures == null ? List.of() : List.copyOf(excludeFeatures),
                sentinels == null ? Map.of() : Map.copyOf(sentinels), segments, l2, days,
                field, trainBefore, share, Boolean.TRUE.equals(refit), rate, depth, leaves, leafRows, trees,
                (grading == null ? GradingOptions.defaults() : grading).normalised());
    }

    private static void range(String field, boolean ok, String message) {
        if (!ok) {
            throw ProblemException.invalid(field, message);
        }
    }

    /** The learner these (normalised) options describe; {@code reserved} fields are never features. */
    Learner learner(Set<String> reserved) {
        Set<String> excluded = new HashSet<>(excludeFeatures);
        excluded.addAll(reserved);
        EncoderConfig encoder = EncoderConfig.defaults().excluding(excluded.toArray(String[]::new));
        for (var sentinel : sentinels.entrySet()) {
            encoder = encoder.withSentinel(sentinel.getKey(),
                    sentinel.getValue().stream().mapToDouble(Double::doubleValue).toArray());
        }
        GradePolicy grades = grading.policy();
        if (learner.equals(LeadScorer.GRADIENT_BOOSTED_TREES)) {
            BoostingConfig d = BoostingConfig.defaults();
            return new GradientBoostingTrainer(new BoostingConfig(encoder, maxTrees, 0, learningRate, maxDepth,
                    maxLeaves, minLeafRows, d.l2Penalty(), d.minSplitGain(), d.maxBins(), d.rowSubsample(),
                    d.validationFraction(), d.earlyStoppingRounds(), seed, d.minTrainingRows(),
                    grades));
        }
        return new LogisticRegressionTrainer(new TrainerConfig(encoder.withSplineSegments(splineSegments), l2Penalty,
                TrainerConfig.DEFAULT_MIN_TRAINING_ROWS, grades));
    }
}
