package org.retailcx.clv.model;

import java.util.stream.IntStream;

/**
 * Sums over customers on every core, with a result that does not depend on how many cores there are: the index range
 * is cut into fixed chunks, each chunk sums into its own accumulator, and the chunks' sums are added in chunk order.
 * A data set of one chunk (CDNOW) is summed on the calling thread.
 */
final class ParallelSums {

    /** Large enough that a chunk's work (tens of microseconds or more) dwarfs the cost of handing it to a thread. */
    static final int CHUNK = 1 << 14;

    /** Adds one chunk's terms, customers [from, to), into {@code sums}. */
    @FunctionalInterface
    interface Kernel {
        void accumulate(int from, int to, double[] sums);
    }

    private ParallelSums() {
    }

    static double[] sum(int n, int width, Kernel kernel) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        if (chunks <= 1) {
            double[] sums = new double[width];
            kernel.accumulate(0, n, sums);
            return sums;
        }
        double[][] partial = new double[chunks][];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double[] sums = new double[width];
            kernel.accumulate(c * CHUNK, Math.min(n, (c + 1) * CHUNK), sums);
            partial[c] = sums;
        });
        double[] total = new double[width];
        for (double[] sums : partial) {
            for (int k = 0; k < width; k++) {
                total[k] += sums[k];
            }
        }
        return total;
    }
}
