package org.retailcx.sales.model.scoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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

    /**
     * A time-ordered split: the leads sorted by the date in {@code timeField} (stable, so equal dates keep their input
     * order), with the training part before the validation part. Either up to a date (training: dates before
     * {@code trainBefore}) or by share (training: the first {@code trainShare} of the sorted rows).
     *
     * @param split     the two parts, each in time order
     * @param timeField the field the dates came from
     * @param trainFrom first date of the training part, {@code trainTo} its last; likewise for validation
     */
    public record TimeSplit(Split split, String timeField, LocalDate trainFrom, LocalDate trainTo,
            LocalDate validateFrom, LocalDate validateTo) {
    }

    /** A time field that holds something other than dates: names the field and the first row at fault. */
    public static final class NotADateException extends IllegalArgumentException {
        private final String field;

        NotADateException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Trains on the leads dated before {@code trainBefore}, validates on the rest. */
    public static TimeSplit timeOrdered(List<LabeledLead> leads, String timeField, LocalDate trainBefore) {
        List<Dated> sorted = sortedByDate(leads, timeField);
        int cut = 0;
        while (cut < sorted.size() && sorted.get(cut).date().isBefore(trainBefore)) {
            cut++;
        }
        return timeSplit(sorted, timeField, cut);
    }

    /** Trains on the first {@code trainShare} of the leads in date order, validates on the rest. */
    public static TimeSplit timeOrdered(List<LabeledLead> leads, String timeField, double trainShare) {
        if (!(trainShare > 0 && trainShare < 1)) {
            throw new IllegalArgumentException("trainShare must be in (0, 1): " + trainShare);
        }
        List<Dated> sorted = sortedByDate(leads, timeField);
        return timeSplit(sorted, timeField, (int) Math.round(trainShare * sorted.size()));
    }

    /** The date of a lead's time field: an ISO date, or the date part of an ISO date-time with offset. */
    public static LocalDate dateOf(LabeledLead lead, String timeField, int index) {
        Object value = lead.lead().value(timeField);
        if (!(value instanceof String text)) {
            throw new NotADateException(timeField, "row " + index + ": " + timeField + " must be an ISO date"
                    + " (2026-01-31) or date-time, got " + (value == null ? "nothing" : value));
        }
        try {
            return text.length() <= 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new NotADateException(timeField, "row " + index + ": " + timeField + " must be an ISO date"
                    + " (2026-01-31) or date-time, got " + text);
        }
    }

    private record Dated(LabeledLead lead, LocalDate date) {
    }

    private static List<Dated> sortedByDate(List<LabeledLead> leads, String timeField) {
        List<Dated> dated = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            dated.add(new Dated(leads.get(i), dateOf(leads.get(i), timeField, i)));
        }
        dated.sort(Comparator.comparing(Dated::date)); // stable
        return dated;
    }

    private static TimeSplit timeSplit(List<Dated> sorted, String timeField, int cut) {
        if (cut == 0 || cut == sorted.size()) {
            throw new IllegalArgumentException("the time-ordered split leaves " + (cut == 0 ? "no training" : "no validation")
                    + " rows: " + timeField + " runs from " + sorted.get(0).date() + " to "
                    + sorted.get(sorted.size() - 1).date());
        }
        List<LabeledLead> training = sorted.subList(0, cut).stream().map(Dated::lead).toList();
        List<LabeledLead> validation = sorted.subList(cut, sorted.size()).stream().map(Dated::lead).toList();
        return new TimeSplit(new Split(training, validation), timeField, sorted.get(0).date(),
                sorted.get(cut - 1).date(), sorted.get(cut).date(), sorted.get(sorted.size() - 1).date());
    }

    /** Trains on each fold's training part and measures AUC on its test part. */
    public static CrossValidationResult crossValidate(Learner trainer, List<LabeledLead> leads, int folds, long seed) {
        List<Double> aucs = new ArrayList<>(folds);
        for (Split split : stratifiedFolds(leads, folds, seed)) {
            LeadScorer model = trainer.train(split.training());
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
