package org.retailcx.sentiment.model.classifier;

import java.util.Arrays;

/** Feature keys (32-bit hashes, ascending) with their values. */
public record SparseVector(int[] keys, double[] values) {

    /**
     * Collects (key, value) pairs in order and builds the vector by sorting them once: a key added more than once
     * sums its values from 0 in the order they were added, exactly as {@link Builder#add} would, without a table.
     */
    static final class Entries {
        private int[] keys = new int[256];
        private double[] values = new double[256];
        private int size;

        void add(int key, double value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
        }

        SparseVector build() {
            long[] packed = new long[size];
            for (int i = 0; i < size; i++) {
                packed[i] = ((long) keys[i] << 32) | i;
            }
            Arrays.sort(packed);
            int[] sortedKeys = new int[size];
            double[] sortedValues = new double[size];
            int n = -1;
            for (int k = 0; k < size; k++) {
                int key = (int) (packed[k] >> 32);
                if (n < 0 || sortedKeys[n] != key) {
                    n++;
                    sortedKeys[n] = key;
                    sortedValues[n] = 0;
                }
                sortedValues[n] += values[(int) packed[k]];
            }
            n++;
            return new SparseVector(n == size ? sortedKeys : Arrays.copyOf(sortedKeys, n),
                    n == size ? sortedValues : Arrays.copyOf(sortedValues, n));
        }
    }

    /** Accumulates counts per key; small open-addressing table, so a document costs no boxing. */
    static final class Builder {
        private int[] keys = new int[64];
        private double[] values = new double[64];
        private boolean[] used = new boolean[64];
        private int size;

        void add(int key, double value) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int slot = slot(keys, used, key);
            if (!used[slot]) {
                used[slot] = true;
                keys[slot] = key;
                size++;
            }
            values[slot] += value;
        }

        private static int slot(int[] keys, boolean[] used, int key) {
            int mask = keys.length - 1;
            int slot = key & mask;
            while (used[slot] && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            int[] oldKeys = keys;
            double[] oldValues = values;
            boolean[] oldUsed = used;
            keys = new int[oldKeys.length * 2];
            values = new double[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    int slot = slot(keys, used, oldKeys[i]);
                    used[slot] = true;
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }

        /** Adds this block to {@code target} as 1 + ln(count), scaled to length {@code weight}. */
        void addSublinearUnitLength(Entries target, double weight) {
            double squares = 0;
            for (int i = 0; i < keys.length; i++) {
                if (used[i]) {
                    values[i] = 1 + Math.log(values[i]);
                    squares += values[i] * values[i];
                }
            }
            if (squares == 0) {
                return;
            }
            double scale = weight / Math.sqrt(squares);
            for (int i = 0; i < keys.length; i++) {
                if (used[i]) {
                    target.add(keys[i], values[i] * scale);
                }
            }
        }

        SparseVector build() {
            long[] packed = new long[size];
            int n = 0;
            for (int i = 0; i < keys.length; i++) {
                if (used[i]) {
                    packed[n++] = ((long) keys[i] << 32) | i;
                }
            }
            Arrays.sort(packed);
            int[] sortedKeys = new int[size];
            double[] sortedValues = new double[size];
            for (int k = 0; k < size; k++) {
                sortedKeys[k] = (int) (packed[k] >> 32);
                sortedValues[k] = values[(int) packed[k]];
            }
            return new SparseVector(sortedKeys, sortedValues);
        }
    }
}
