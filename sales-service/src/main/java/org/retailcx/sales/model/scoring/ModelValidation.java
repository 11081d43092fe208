package org.retailcx.sales.model.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Validation protocols: seeded stratified splits (k-fold and holdout) and an ordered split for data in
 * time order. Stratified means each part keeps the overall conversion rate (to within one lead), which
 * matters when conversions are rare. Every split keeps the input order within its parts.
 */
public final class ModelValidation {

    private ModelValidation() {
    }

    /** Training and test leads of one split. */
    public record Split(List<LabeledLead> training, List<LabeledLead> test) {

        public Split {
            training = List.copyOf(training);
            test = List.copyOf(test);
        }
    }

    /**
     * Test AUCs of k-fold cross-validation.
     *
     * @param foldAuc AUC of each fold's test part, in fold order
     * @param meanAuc mean of the fold AUCs
     * @param sdAuc   sample standard deviation (n - 1) of the fold AUCs
     */
    public record CrossValidationResult(List<Double> foldAuc, double meanAuc, double sdAuc) {

        public CrossValidationResult {
            foldAuc = List.copyOf(foldAuc);
        }
    }

    /** Holds out {@code testFraction} of each outcome class, chosen by a random permutation seeded with {@code seed}. */
    public static Split stratifiedHoldout(List<LabeledLead> leads, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1): " + testFraction);
        }
        boolean[] inTest = new boolean[leads.size()];
        Random random = new Random(seed);
        for (List<Integer> stratum : shuffledStrata(leads, random)) {
            int testSize = (int) Math.round(testFraction * stratum.size());
            stratum.subList(0, testSize).forEach(i -> inTest[i] = true);
        }
        return split(leads, inTest);
    }

    /** The k folds of stratified k-fold cross-validation: fold i tests on the i-th part and trains on the rest. */
    public static List<Split> stratifiedFolds(List<LabeledLead> leads, int folds, long seed) {
        if (folds < 2 || folds > leads.size()) {
            throw new IllegalArgumentException("folds must be in [2, " + leads.size() + "]: " + folds);
        }
        int[] foldOf = new int[leads.size()];
        Random random = new Random(seed);
        int next = 0;
        for (List<Integer> stratum : shuffledStrata(leads, random)) {
            // Dealing both classes round-robin over one counter keeps fold sizes within one lead of each other.
            for (int i : stratum) {
                foldOf[i] = next++ % folds;
            }
        }
        List<Split> splits = new ArrayList<>(folds);
        for (int fold = 0; fold < folds; fold++) {
            boolean[] inTest = new boolean[leads.size()];
            for (int i = 0; i < inTest.length; i++) {
                inTest[i] = foldOf[i] == fold;
            }
            splits.add(split(leads, inTest));
        }
        return splits;
    }

    /**
     * Trains on the first part and tests on the last {@code testFraction}, in input order: for data sorted by
     * date, this measures how the model does on leads from after its training period.
     */
    public static Split orderedHoldout(List<LabeledLead> leads, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1): " + testFraction);
        }
        int trainingSize = (int) Math.round((1 - testFraction) * leads.size());
        return new Split(leads.subList(0, trainingSize), leads.subList(trainingSize, leads.size()));
    }

    /** Trains on each fold's training part and measures AUC on its test part. */
    public static CrossValidationResult crossValidate(LogisticRegressionTrainer trainer, List<LabeledLead> leads,
                                                      int folds, long seed) {
        List<Double> aucs = new ArrayList<>(folds);
        for (Split split : stratifiedFolds(leads, folds, seed)) {
            LogisticModel model = trainer.train(split.training());
            aucs.add(ModelEvaluation.of(model, split.test()).auc());
        }
        double mean = aucs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = aucs.stream().mapToDouble(auc -> (auc - mean) * (auc - mean)).sum();
        return new CrossValidationResult(aucs, mean, Math.sqrt(squares / (folds - 1)));
    }

    /** Indices of non-converted and of converted leads, each list shuffled. */
    private static List<List<Integer>> shuffledStrata(List<LabeledLead> leads, Random random) {
        List<Integer> negatives = new ArrayList<>();
        List<Integer> positives = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            (leads.get(i).converted() ? positives : negatives).add(i);
        }
        Collections.shuffle(negatives, random);
        Collections.shuffle(positives, random);
        return List.of(negatives, positives);
    }

    private static Split split(List<LabeledLead> leads, boolean[] inTest) {
        List<LabeledLead> training = new ArrayList<>();
        List<LabeledLead> test = new ArrayList<>();
        for (int i = 0; i < inTest.length; i++) {
            (inTest[i] ? test : training).add(leads.get(i));
        }
        return new Split(training, test);
    }
}
