package org.retailcx.sales.model.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How well scores match outcomes on a set of labelled leads: discrimination (AUC), accuracy of the
 * probabilities (Brier score, log loss, calibration by decile) and what sales ops sees (conversion per grade).
 *
 * @param count             number of leads
 * @param conversions       number of converted leads
 * @param auc               area under the ROC curve
 * @param brierScore        mean squared error of the probabilities
 * @param logLoss           mean negative log-likelihood (natural log)
 * @param meanPredicted     mean probability
 * @param observedRate      conversion rate
 * @param calibration       ten bins of equal size by ascending probability
 * @param conversionByGrade every grade, A to D, with its count and conversion rate
 * @param gains             ten bins of equal size by descending probability: lift and cumulative gains
 */
public record ModelEvaluation(
        int count,
        int conversions,
        double auc,
        double brierScore,
        double logLoss,
        double meanPredicted,
        double observedRate,
        List<CalibrationBin> calibration,
        Map<Grade, GradeConversion> conversionByGrade,
        List<GainsBin> gains) {

    /** Probabilities are clipped this far from 0 and 1 in the log loss, so one confident miss is not infinite. */
    private static final double LOG_LOSS_EPSILON = 1e-15;

    /** One decile of leads ranked by probability: its mean predicted probability against its observed rate. */
    public record CalibrationBin(int decile, int count, double meanPredicted, double observedRate) {
    }

    /** Conversion of the leads given one grade; the rate is NaN for a grade no lead got. */
    public record GradeConversion(Grade grade, int count, int conversions, double conversionRate) {
    }

    /**
     * One tenth of the leads, best-scored first: its conversion rate against the overall rate (lift), and the share
     * of all conversions found by calling the leads down to and including it (cumulative gain).
     */
    public record GainsBin(int decile, int count, int conversions, double conversionRate, double lift,
            double cumulativeShareOfLeads, double cumulativeGain, double cumulativeLift) {
    }

    public ModelEvaluation {
        calibration = List.copyOf(calibration);
        gains = List.copyOf(gains);
        conversionByGrade = Collections.unmodifiableMap(new EnumMap<>(conversionByGrade));
    }

    public static ModelEvaluation of(LeadScorer model, List<LabeledLead> leads) {
        return of(model, leads, model.gradeThresholds());
    }

    /** Graded by these cut-offs (e.g. the ones the service grades by now) rather than the training ones. */
    public static ModelEvaluation of(LeadScorer model, List<LabeledLead> leads, GradeThresholds thresholds) {
        double[] probabilities = leads.stream().mapToDouble(lead -> model.probability(lead.lead())).toArray();
        return of(probabilities, labels(leads), thresholds);
    }

    /** @throws IllegalArgumentException if the arrays differ in length or hold only one outcome */
    public static ModelEvaluation of(double[] probabilities, boolean[] converted, GradeThresholds thresholds) {
        double auc = auc(probabilities, converted);
        int conversions = countTrue(converted);
        return new ModelEvaluation(probabilities.length, conversions, auc, brierScore(probabilities, converted),
                logLoss(probabilities, converted), Arrays.stream(probabilities).average().orElseThrow(),
                (double) conversions / converted.length, calibrationByDecile(probabilities, converted),
                conversionByGrade(probabilities, converted, thresholds), gainsByDecile(probabilities, converted));
    }

    /** Mean predicted minus observed rate: how far off the probabilities are on average (0 is perfect). */
    public double calibrationInTheLarge() {
        return meanPredicted - observedRate;
    }

    /**
     * AUC as the Mann-Whitney statistic: the probability that a random converted lead scores above a random
     * non-converted one, ties counting one half (via mid-ranks). O(n log n).
     */
    public static double auc(double[] scores, boolean[] positive) {
        requireSameLength(scores, positive);
        long positives = countTrue(positive);
        long negatives = positive.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC needs both outcomes; got " + positives + " positive and "
                    + negatives + " negative");
        }
        Integer[] order = ascendingOrder(scores);
        double positiveRankSum = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double midRank = (start + end) / 2.0 + 1; // ranks are 1-based
            for (int k = start; k <= end; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += midRank;
                }
            }
            start = end + 1;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    public static double brierScore(double[] probabilities, boolean[] converted) {
        requireSameLength(probabilities, converted);
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double error = probabilities[i] - (converted[i] ? 1 : 0);
            sum += error * error;
        }
        return sum / probabilities.length;
    }

    public static double logLoss(double[] probabilities, boolean[] converted) {
        requireSameLength(probabilities, converted);
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = Math.min(Math.max(probabilities[i], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
            sum -= converted[i] ? Math.log(p) : Math.log1p(-p);
        }
        return sum / probabilities.length;
    }

    /** Ten bins of (near) equal size by ascending probability; leads with equal probability are split by input order. */
    public static List<CalibrationBin> calibrationByDecile(double[] probabilities, boolean[] converted) {
        requireSameLength(probabilities, converted);
        Integer[] order = ascendingOrder(probabilities);
        List<CalibrationBin> bins = new ArrayList<>(10);
        for (int decile = 0; decile < 10; decile++) {
            int from = (int) ((long) decile * order.length / 10);
            int to = (int) ((long) (decile + 1) * order.length / 10);
            double predicted = 0;
            int conversions = 0;
            for (int k = from; k < to; k++) {
                predicted += probabilities[order[k]];
                conversions += converted[order[k]] ? 1 : 0;
            }
            int size = to - from;
            bins.add(new CalibrationBin(decile + 1, size, size == 0 ? Double.NaN : predicted / size,
                    size == 0 ? Double.NaN : (double) conversions / size));
        }
        return bins;
    }

    /** Ten bins of (near) equal size by descending probability; ties are split by input order. */
    public static List<GainsBin> gainsByDecile(double[] probabilities, boolean[] converted) {
        requireSameLength(probabilities, converted);
        Integer[] order = ascendingOrder(Arrays.stream(probabilities).map(p -> -p).toArray());
        int total = countTrue(converted);
        double overall = (double) total / converted.length;
        List<GainsBin> bins = new ArrayList<>(10);
        int cumulativeRows = 0;
        int cumulativeConversions = 0;
        for (int decile = 0; decile < 10; decile++) {
            int from = (int) ((long) decile * order.length / 10);
            int to = (int) ((long) (decile + 1) * order.length / 10);
            int conversions = 0;
            for (int k = from; k < to; k++) {
                conversions += converted[order[k]] ? 1 : 0;
            }
            int size = to - from;
            cumulativeRows += size;
            cumulativeConversions += conversions;
            double rate = size == 0 ? Double.NaN : (double) conversions / size;
            double cumulativeRate = cumulativeRows == 0 ? Double.NaN : (double) cumulativeConversions / cumulativeRows;
            bins.add(new GainsBin(decile + 1, size, conversions, rate, rate / overall,
                    (double) cumulativeRows / order.length, total == 0 ? Double.NaN : (double) cumulativeConversions / total,
                    cumulativeRate / overall));
        }
        return bins;
    }

    public static Map<Grade, GradeConversion> conversionByGrade(double[] probabilities, boolean[] converted,
                                                                GradeThresholds thresholds) {
        requireSameLength(probabilities, converted);
        int[] counts = new int[Grade.values().length];
        int[] conversions = new int[Grade.values().length];
        for (int i = 0; i < probabilities.length; i++) {
            int grade = thresholds.gradeOf(probabilities[i]).ordinal();
            counts[grade]++;
            conversions[grade] += converted[i] ? 1 : 0;
        }
        Map<Grade, GradeConversion> byGrade = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            int n = counts[grade.ordinal()];
            int c = conversions[grade.ordinal()];
            byGrade.put(grade, new GradeConversion(grade, n, c, n == 0 ? Double.NaN : (double) c / n));
        }
        return byGrade;
    }

    /** A plain-text summary for logs and model reviews. */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "n=%d conversions=%d (%.2f%%) AUC=%.4f Brier=%.4f logLoss=%.4f mean predicted=%.2f%% (%+.2f pt)%n",
                count, conversions, 100 * observedRate, auc, brierScore, logLoss, 100 * meanPredicted,
                100 * calibrationInTheLarge()));
        text.append("decile  n      predicted  observed\n");
        calibration.forEach(bin -> text.append(String.format(Locale.ROOT, "%-7d %-6d %8.2f%%  %7.2f%%%n",
                bin.decile(), bin.count(), 100 * bin.meanPredicted(), 100 * bin.observedRate())));
        text.append("grade  n      share   conversions  rate\n");
        conversionByGrade.values().forEach(grade -> text.append(String.format(Locale.ROOT,
                "%-6s %-6d %5.1f%%  %-11d  %5.2f%%%n", grade.grade(), grade.count(), 100.0 * grade.count() / count,
                grade.conversions(), 100 * grade.conversionRate())));
        return text.toString();
    }

    static boolean[] labels(List<LabeledLead> leads) {
        boolean[] converted = new boolean[leads.size()];
        for (int i = 0; i < converted.length; i++) {
            converted[i] = leads.get(i).converted();
        }
        return converted;
    }

    private static Integer[] ascendingOrder(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i])); // stable: ties keep input order
        return order;
    }

    private static int countTrue(boolean[] values) {
        int count = 0;
        for (boolean value : values) {
            count += value ? 1 : 0;
        }
        return count;
    }

    private static void requireSameLength(double[] probabilities, boolean[] converted) {
        if (probabilities.length != converted.length || probabilities.length == 0) {
            throw new IllegalArgumentException("need as many outcomes as probabilities, and at least one: "
                    + probabilities.length + " probabilities, " + converted.length + " outcomes");
        }
    }
}
