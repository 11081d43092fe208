package org.retailcx.recommendation.model;

import java.util.function.IntPredicate;

/** Selects the k highest scores with a bounded heap; NaN marks an excluded product; ties go to the lower index. */
final class TopK {

    private TopK() {
    }

    static int[] select(double[] scores, int k, IntPredicate eligible) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        int[] heap = new int[Math.min(k, scores.length)];
        int size = 0;
        for (int p = 0; p < scores.length; p++) {
            if (Double.isNaN(scores[p]) || !eligible.test(p)) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = p;
                siftUp(heap, size++, scores);
            } else if (better(p, heap[0], scores)) {
                heap[0] = p;
                siftDown(heap, size, scores);
            }
        }
        int[] ranked = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            ranked[i] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, scores);
        }
        return ranked;
    }

    /** Whether product a ranks above product b. */
    private static boolean better(int a, int b, double[] scores) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }

    // A min-heap by rank: the root is the worst of the k kept so far.
    private static void siftUp(int[] heap, int i, double[] scores) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(heap[parent], heap[i], scores)) {
                break;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] scores) {
        int i = 0;
        while (true) {
            int worst = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && better(heap[worst], heap[left], scores)) {
                worst = left;
            }
            if (right < size && better(heap[worst], heap[right], scores)) {
                worst = right;
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
