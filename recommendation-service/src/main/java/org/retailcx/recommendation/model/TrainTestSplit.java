package org.retailcx.recommendation.model;

import java.util.SplittableRandom;

import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * A split of the (customer, product) pairs into training and test matrices over the same customers and products, as
 * Microsoft Recommenders' {@code python_stratified_split} and {@code python_chrono_split}: per customer, the pairs are
 * ordered (randomly with a seed, or by time) and the first {@code round(ratio · n)} go to training, rounding half to
 * even as numpy does (a customer with 2 pairs at 0.75 keeps both in training). Every customer with a test pair thus
 * keeps at least one training pair. Not numpy's generator: the same seed gives a different, but fixed, split.
 */
public record TrainTestSplit(InteractionMatrix train, InteractionMatrix test) {

    /** Random order per customer from one seeded generator. */
    public static TrainTestSplit stratified(InteractionMatrix all, double trainRatio, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] key = new double[all.cellCount()];
        for (int cell = 0; cell < key.length; cell++) {
            key[cell] = random.nextDouble();
        }
        return split(all, trainRatio, key);
    }

    /**
     * Oldest first per customer, by the pair's first event: the products a customer came to last are the test set.
     * Ties (same second) keep product order.
     */
    public static TrainTestSplit chronological(InteractionMatrix all, double trainRatio) {
        double[] key = new double[all.cellCount()];
        for (int cell = 0; cell < key.length; cell++) {
            key[cell] = all.firstSeen(cell);
        }
        return split(all, trainRatio, key);
    }

    private static TrainTestSplit split(InteractionMatrix all, double trainRatio, double[] key) {
        if (!(trainRatio > 0 && trainRatio < 1)) {
            throw new IllegalArgumentException("trainRatio must lie strictly between 0 and 1");
        }
        boolean[] inTrain = new boolean[all.cellCount()];
        for (int c = 0; c < all.customerCount(); c++) {
            int start = all.rowStart(c);
            int n = all.rowLength(c);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = start + i;
            }
            IntArrays.stableSort(order, (a, b) -> Double.compare(key[a], key[b]));
            long trainCount = Math.round(Math.rint(trainRatio * n));
            for (int i = 0; i < trainCount; i++) {
                inTrain[order[i]] = true;
            }
        }
        return new TrainTestSplit(all.selectCells(cell -> inTrain[cell]), all.selectCells(cell -> !inTrain[cell]));
    }
}
