package org.retailcx.sales.model.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Trains {@link BoostedTreesModel}s: gradient boosting of regression trees on the logistic loss (Newton leaf values
 * {@code -G / (H + lambda)}, shrinkage), on histograms of binned columns, leaf-wise growth within depth and leaf
 * limits, stochastic row sampling, and early stopping on an inner validation part of the training rows.
 *
 * <p>Written here rather than taken from a library: the JVM gradient-boosting libraries that resolve on this
 * build are Smile (GPL) and XGBoost4J (JNI with a Scala 2.12 runtime: a native library per platform, not
 * native-image friendly, and its models are opaque blobs). A few hundred lines of plain Java keep models as JSON
 * beside the linear ones, deterministic, explainable, and unit-tested on real data.
 *
 * <p>The number of trees is chosen on an inner part, a stratified random share of the training rows, then the trees
 * are refitted on all training rows with that number. Random also when the rows are in time order: on
 * bank-marketing the latest fifth of the time-ordered training part (the late-2008 crisis months) shares so little
 * with the months before it that every learner scored below 0.6 AUC there and early stopping kept a single tree;
 * drift is what the time-ordered protocol's own validation part measures. Encoder and bins are learned from all
 * training rows: they never see a label.
 */
public final class GradientBoostingTrainer implements Learner {

    private static final double MIN_HESSIAN = 1e-3;

    private final BoostingConfig config;

    public GradientBoostingTrainer(BoostingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public BoostingConfig config() {
        return config;
    }

    @Override
    public String name() {
        return LeadScorer.GRADIENT_BOOSTED_TREES;
    }

    @Override
    public Learner refitting(LeadScorer validated) {
        return new GradientBoostingTrainer(config.withTrees(((BoostedTreesModel) validated).trees().size()));
    }

    @Override
    public BoostedTreesModel train(List<LabeledLead> training) {
        Objects.requireNonNull(training, "training");
        double positives = Learner.requireTrainable(training, config.minTrainingRows());
        boolean[] y = ModelEvaluation.labels(training);
        List<LeadFeatures> leads = training.stream().map(LabeledLead::lead).toList();
        FeatureEncoder encoder = FeatureEncoder.fit(leads, config.encoder());
        Binned binned = Binned.of(leads.stream().map(encoder::encode).toArray(double[][]::new), config.maxBins());

        Map<String, Double> metrics = new LinkedHashMap<>();
        int rounds = config.trees();
        if (rounds == 0) {
            boolean[] inner = innerValidation(training);
            int[] fit = indices(inner, false);
            int[] held = indices(inner, true);
            Boosted chosen = boost(binned, y, fit, held, config.maxTrees());
            rounds = chosen.bestRounds();
            metrics.put("boosting.innerValidationRows", (double) held.length);
            metrics.put("boosting.innerValidationLogLoss", chosen.bestLoss());
        }
        Boosted all = boost(binned, y, indices(new boolean[y.length], false), new int[0], rounds);

        double[] scores = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            scores[i] = LeadScorer.sigmoid(all.margins()[i]);
        }
        metrics.put("boosting.trees", (double) rounds);
        metrics.put("train.rows", (double) y.length);
        metrics.put("train.conversionRate", positives / y.length);
        metrics.put("train.auc", ModelEvaluation.auc(scores, y));
        metrics.put("train.logLoss", ModelEvaluation.logLoss(scores, y));
        List<BoostedTreesModel.Tree> trees = all.trees().stream().map(t -> t.withThresholds(binned.cuts())).toList();
        return new BoostedTreesModel(BoostedTreesModel.FORMAT_VERSION, encoder, all.base(), trees,
                config.grades().thresholdsFor(scores), metrics);
    }

    /** True for the rows held out to choose the number of trees. */
    private boolean[] innerValidation(List<LabeledLead> training) {
        boolean[] held = new boolean[training.size()];
        var split = ModelValidation.stratifiedHoldout(indexed(training), config.validationFraction(), config.seed());
        split.test().forEach(lead -> held[Integer.parseInt(lead.lead().id())] = true);
        return held;
    }

    /** The labels with row numbers for ids, so that a split of them tells which rows went where. */
    private static List<LabeledLead> indexed(List<LabeledLead> training) {
        List<LabeledLead> rows = new ArrayList<>(training.size());
        for (int i = 0; i < training.size(); i++) {
            rows.add(new LabeledLead(new LeadFeatures(Integer.toString(i), Map.of()), training.get(i).converted()));
        }
        return rows;
    }

    private static int[] indices(boolean[] mask, boolean value) {
        int[] out = new int[mask.length];
        int n = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == value) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Trees grown in bin space (thresholds are bin numbers until {@link GrownTree#withThresholds}). */
    private record Boosted(double base, List<GrownTree> trees, double[] margins, int bestRounds, double bestLoss) {
    }

    /**
     * Boosts on the {@code fit} rows for at most {@code maxRounds}; with {@code held} rows, stops once their log loss
     * has not improved for the early-stopping patience and keeps the best prefix.
     */
    private Boosted boost(Binned binned, boolean[] y, int[] fit, int[] held, int maxRounds) {
        double positives = 0;
        for (int i : fit) {
            positives += y[i] ? 1 : 0;
        }
        double base = Math.log(positives / (fit.length - positives));
        double[] margin = new double[y.length];
        Arrays.fill(margin, base);
        double[] g = new double[y.length];
        double[] h = new double[y.length];
        Random random = new Random(config.seed());
        List<GrownTree> trees = new ArrayList<>();
        int bestRounds = 0;
        double bestLoss = held.length == 0 ? Double.NaN : logLoss(margin, y, held);
        for (int round = 1; round <= maxRounds; round++) {
            for (int i : fit) {
                double p = LeadScorer.sigmoid(margin[i]);
                g[i] = p - (y[i] ? 1 : 0);
                h[i] = Math.max(p * (1 - p), 1e-16);
            }
            GrownTree tree = grow(binned, g, h, sample(fit, random));
            trees.add(tree);
            for (int i = 0; i < y.length; i++) {
                margin[i] += tree.value[tree.leaf(binned, i)];
            }
            if (held.length > 0) {
                double loss = logLoss(margin, y, held);
                if (loss < bestLoss - 1e-12) {
                    bestLoss = loss;
                    bestRounds = round;
                } else if (round - bestRounds >= config.earlyStoppingRounds()) {
                    break;
                }
            } else {
                bestRounds = round;
            }
        }
        return new Boosted(base, List.copyOf(trees.subList(0, Math.max(bestRounds, 1))), margin,
                Math.max(bestRounds, 1), bestLoss);
    }

    private int[] sample(int[] fit, Random random) {
        if (config.rowSubsample() >= 1) {
            return fit;
        }
        int[] chosen = new int[fit.length];
        int n = 0;
        for (int i : fit) {
            if (random.nextDouble() < config.rowSubsample()) {
                chosen[n++] = i;
            }
        }
        return Arrays.copyOf(chosen, n);
    }

    private static double logLoss(double[] margin, boolean[] y, int[] rows) {
        double sum = 0;
        for (int i : rows) {
            double m = margin[i];
            // -log(sigmoid(m)) = softplus(-m); -log(1 - sigmoid(m)) = softplus(m)
            double z = y[i] ? -m : m;
            sum += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        }
        return sum / rows.length;
    }

    /** A node being grown: its rows, gradient sums, histogram and best split. */
    private static final class Node {
        final int id;
        final int depth;
        final int[] rows;
        final double gradient;
        final double hessian;
        final Histogram histogram;
        int splitColumn = -1;
        int splitBin;
        double splitGain;

        Node(int id, int depth, int[] rows, double gradient, double hessian, Histogram histogram) {
            this.id = id;
            this.depth = depth;
            this.rows = rows;
            this.gradient = gradient;
            this.hessian = hessian;
            this.histogram = histogram;
        }
    }

    /** Per column and bin, interleaved: sum of gradients, sum of hessians, row count. */
    private static final class Histogram {
        final double[] sums;

        Histogram(int size) {
            sums = new double[3 * size];
        }

        static Histogram of(Binned binned, double[] gradient, double[] hessian, int[] rows) {
            int columns = binned.columns();
            int bins = binned.maxBins;
            byte[] all = binned.rowMajor;
            Histogram hist = new Histogram(columns * bins);
            double[] sums = hist.sums;
            // Row by row over the row-major bins: one row's columns are adjacent in memory.
            for (int r : rows) {
                double g = gradient[r];
                double h = hessian[r];
                int at = r * columns;
                for (int j = 0, offset = 0; j < columns; j++, offset += bins) {
                    int k = 3 * (offset + (all[at + j] & 0xFF));
                    sums[k] += g;
                    sums[k + 1] += h;
                    sums[k + 2]++;
                }
            }
            return hist;
        }

        /** The sibling's histogram: parent minus this one (halves the histogram work). */
        Histogram subtractedFrom(Histogram parent) {
            Histogram other = new Histogram(sums.length / 3);
            for (int k = 0; k < sums.length; k++) {
                other.sums[k] = parent.sums[k] - sums[k];
            }
            return other;
        }
    }

    /** A tree under construction, in bin space. */
    private static final class GrownTree {
        final List<Integer> column = new ArrayList<>();
        final List<Integer> bin = new ArrayList<>();
        final List<Integer> left = new ArrayList<>();
        final List<Integer> right = new ArrayList<>();
        final List<Double> nodeValue = new ArrayList<>();
        final List<Double> nodeGain = new ArrayList<>();
        double[] value;
        int[] columns;
        int[] bins;
        int[] lefts;
        int[] rights;

        int add(double leafValue) {
            column.add(-1);
            bin.add(0);
            left.add(-1);
            right.add(-1);
            nodeValue.add(leafValue);
            nodeGain.add(0.0);
            return column.size() - 1;
        }

        void freeze() {
            value = nodeValue.stream().mapToDouble(Double::doubleValue).toArray();
            columns = column.stream().mapToInt(Integer::intValue).toArray();
            bins = bin.stream().mapToInt(Integer::intValue).toArray();
            lefts = left.stream().mapToInt(Integer::intValue).toArray();
            rights = right.stream().mapToInt(Integer::intValue).toArray();
        }

        int leaf(Binned binned, int row) {
            int node = 0;
            while (columns[node] >= 0) {
                node = (binned.rowMajor[row * binned.columns() + columns[node]] & 0xFF) <= bins[node] ? lefts[node]
                        : rights[node];
            }
            return node;
        }

        /** The stored tree: a split on bin b of column j becomes "x <= the column's b-th cut". */
        BoostedTreesModel.Tree withThresholds(double[][] cuts) {
            double[] threshold = new double[columns.length];
            for (int n = 0; n < columns.length; n++) {
                threshold[n] = columns[n] >= 0 ? cuts[columns[n]][bins[n]] : 0;
            }
            return new BoostedTreesModel.Tree(columns.clone(), threshold, lefts.clone(), rights.clone(), value.clone(),
                    nodeGain.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** Best split first, until the leaf limit; depth and leaf size bound every split. */
    private GrownTree grow(Binned binned, double[] g, double[] h, int[] rows) {
        GrownTree tree = new GrownTree();
        double gradient = 0;
        double hessian = 0;
        for (int r : rows) {
            gradient += g[r];
            hessian += h[r];
        }
        Node root = new Node(tree.add(leafValue(gradient, hessian)), 0, rows, gradient, hessian,
                Histogram.of(binned, g, h, rows));
        PriorityQueue<Node> open = new PriorityQueue<>((a, b) -> Double.compare(b.splitGain, a.splitGain));
        findSplit(binned, root);
        if (root.splitColumn >= 0) {
            open.add(root);
        }
        int leaves = 1;
        while (!open.isEmpty() && leaves < config.maxLeaves()) {
            Node node = open.poll();
            int[][] parts = partition(binned, node);
            double leftG = 0;
            double leftH = 0;
            for (int r : parts[0]) {
                leftG += g[r];
                leftH += h[r];
            }
            double rightG = node.gradient - leftG;
            double rightH = node.hessian - leftH;
            boolean leftSmaller = parts[0].length <= parts[1].length;
            Histogram small = Histogram.of(binned, g, h, leftSmaller ? parts[0] : parts[1]);
            Histogram large = small.subtractedFrom(node.histogram);
            Node left = new Node(tree.add(leafValue(leftG, leftH)), node.depth + 1, parts[0], leftG, leftH,
                    leftSmaller ? small : large);
            Node right = new Node(tree.add(leafValue(rightG, rightH)), node.depth + 1, parts[1], rightG, rightH,
                    leftSmaller ? large : small);
            tree.column.set(node.id, node.splitColumn);
            tree.bin.set(node.id, node.splitBin);
            tree.left.set(node.id, left.id);
            tree.right.set(node.id, right.id);
            tree.nodeGain.set(node.id, node.splitGain);
            leaves++;
            for (Node child : List.of(left, right)) {
                findSplit(binned, child);
                if (child.splitColumn >= 0) {
                    open.add(child);
                }
            }
        }
        tree.freeze();
        return tree;
    }

    private double leafValue(double gradient, double hessian) {
        return -config.learningRate() * gradient / (hessian + config.l2Penalty());
    }

    private double score(double gradient, double hessian) {
        return gradient * gradient / (hessian + config.l2Penalty());
    }

    /** The best split of the node by its histogram, if any passes the depth, size and gain limits. */
    private void findSplit(Binned binned, Node node) {
        if (node.depth >= config.maxDepth() || node.rows.length < 2 * config.minLeafRows()) {
            return;
        }
        double parent = score(node.gradient, node.hessian);
        double best = config.minSplitGain();
        Histogram hist = node.histogram;
        for (int j = 0; j < binned.columns(); j++) {
            int offset = j * binned.maxBins;
            double leftG = 0;
            double leftH = 0;
            int leftN = 0;
            for (int b = 0; b < binned.binCount[j] - 1; b++) {
                int k = 3 * (offset + b);
                leftG += hist.sums[k];
                leftH += hist.sums[k + 1];
                leftN += (int) hist.sums[k + 2];
                int rightN = node.rows.length - leftN;
                if (leftN < config.minLeafRows()) {
                    continue;
                }
                if (rightN < config.minLeafRows()) {
                    break;
                }
                double rightH = node.hessian - leftH;
                if (leftH < MIN_HESSIAN || rightH < MIN_HESSIAN) {
                    continue;
                }
                double gain = score(leftG, leftH) + score(node.gradient - leftG, rightH) - parent;
                if (gain > best) {
                    best = gain;
                    node.splitColumn = j;
                    node.splitBin = b;
                    node.splitGain = gain;
                }
            }
        }
    }

    private static int[][] partition(Binned binned, Node node) {
        byte[] all = binned.rowMajor;
        int columns = binned.columns();
        int j = node.splitColumn;
        int[] left = new int[node.rows.length];
        int[] right = new int[node.rows.length];
        int nl = 0;
        int nr = 0;
        for (int r : node.rows) {
            if ((all[r * columns + j] & 0xFF) <= node.splitBin) {
                left[nl++] = r;
            } else {
                right[nr++] = r;
            }
        }
        return new int[][] { Arrays.copyOf(left, nl), Arrays.copyOf(right, nr) };
    }

    /**
     * The training rows' columns as bin numbers, row-major. A column's cuts are its distinct training values when
     * there are few, else its quantiles; bin b holds the values in (cut[b-1], cut[b]], the last bin those above all.
     */
    record Binned(byte[] rowMajor, int[] binCount, double[][] cuts, int maxBins) {

        int columns() {
            return binCount.length;
        }

        static Binned of(double[][] x, int maxBins) {
            int columns = x.length == 0 ? 0 : x[0].length;
            byte[] bins = new byte[columns * x.length];
            int[] binCount = new int[columns];
            double[][] cuts = new double[columns][];
            double[] values = new double[x.length];
            for (int j = 0; j < columns; j++) {
                for (int i = 0; i < x.length; i++) {
                    values[i] = x[i][j];
                }
                cuts[j] = cutsOf(values.clone(), maxBins);
                binCount[j] = cuts[j].length + 1;
                for (int i = 0; i < x.length; i++) {
                    bins[i * columns + j] = (byte) binOf(cuts[j], x[i][j]);
                }
            }
            return new Binned(bins, binCount, cuts, maxBins);
        }

        /** Ascending cut points; the largest value is never a cut (nothing would lie above it). */
        static double[] cutsOf(double[] values, int maxBins) {
            Arrays.sort(values);
            double[] distinct = Arrays.stream(values).distinct().toArray();
            if (distinct.length <= maxBins) {
                return Arrays.copyOf(distinct, Math.max(0, distinct.length - 1));
            }
            double[] cuts = new double[maxBins - 1];
            int n = 0;
            for (int q = 1; q < maxBins; q++) {
                double cut = values[(int) ((long) q * (values.length - 1) / maxBins)];
                if (cut < distinct[distinct.length - 1] && (n == 0 || cut > cuts[n - 1])) {
                    cuts[n++] = cut;
                }
            }
            return Arrays.copyOf(cuts, n);
        }

        static int binOf(double[] cuts, double x) {
            int at = Arrays.binarySearch(cuts, x);
            return at >= 0 ? at : -at - 1;
        }
    }
}
