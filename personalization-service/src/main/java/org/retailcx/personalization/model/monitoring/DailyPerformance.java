package org.retailcx.personalization.model.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Model monitoring per model version and day: predictions joined to the outcomes that arrived later, grouped by
 * (model, version, prediction day), each group scored with {@link ConfusionMetrics} at a threshold,
 * {@link ProbabilityMetrics} (AUC, log loss, calibration by decile) and {@link LatencyPercentiles} of the model's
 * runtime. {@link #affected} names the groups a batch of outcomes touches, so a service recomputes only those.
 */
public final class DailyPerformance {

    private DailyPerformance() {
    }

    /** One prediction with its outcome; {@code runtimeMs} may be null when the prediction recorded none. */
    public record Labelled(String modelId, int version, LocalDate day, double probability, boolean outcome,
                           Double runtimeMs) {
    }

    public record Key(String modelId, int version, LocalDate day) {
    }

    public record Row(Key key, long predictions, long positives, double threshold, double accuracy,
                      double precision, double recall, double f1, double auc, double logLoss,
                      List<ProbabilityMetrics.CalibrationBin> calibration, Double latencyP50, Double latencyP95,
                      Double latencyP99) {
    }

    public static Set<Key> affected(Collection<Labelled> batch) {
        return batch.stream().map(DailyPerformance::keyOf).collect(Collectors.toSet());
    }

    /** Rows ordered by model, version and day. */
    public static List<Row> compute(Collection<Labelled> labelled, double threshold) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold: must be in [0, 1], got " + threshold);
        }
        Map<Key, List<Labelled>> groups = new TreeMap<>(Comparator.comparing(Key::modelId)
                .thenComparingInt(Key::version).thenComparing(Key::day));
        for (Labelled l : labelled) {
            groups.computeIfAbsent(keyOf(l), k -> new ArrayList<>()).add(l);
        }
        List<Row> rows = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> rows.add(row(key, group, threshold)));
        return rows;
    }

    private static Row row(Key key, List<Labelled> group, double threshold) {
        double[] p = new double[group.size()];
        boolean[] y = new boolean[group.size()];
        long positives = 0;
        List<Double> runtimes = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            Labelled l = group.get(i);
            p[i] = l.probability();
            y[i] = l.outcome();
            positives += l.outcome() ? 1 : 0;
            if (l.runtimeMs() != null) {
                runtimes.add(l.runtimeMs());
            }
        }
        ConfusionMetrics confusion = ConfusionMetrics.at(p, y, threshold);
        Double p50 = null;
        Double p95 = null;
        Double p99 = null;
        if (!runtimes.isEmpty()) {
            LatencyPercentiles latency = new LatencyPercentiles(runtimes.stream().mapToDouble(Double::doubleValue)
                    .toArray());
            p50 = latency.percentile(50);
            p95 = latency.percentile(95);
            p99 = latency.percentile(99);
        }
        return new Row(key, p.length, positives, threshold, confusion.accuracy(), confusion.precision(),
                confusion.recall(), confusion.f1(), ProbabilityMetrics.auc(p, y), ProbabilityMetrics.logLoss(p, y),
                ProbabilityMetrics.calibrationByDecile(p, y), p50, p95, p99);
    }

    private static Key keyOf(Labelled l) {
        return new Key(l.modelId(), l.version(), l.day());
    }
}
