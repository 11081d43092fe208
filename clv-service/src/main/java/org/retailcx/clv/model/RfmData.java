package org.retailcx.clv.model;

import java.util.Arrays;
import java.util.Collection;

/**
 * Customer summaries compressed to distinct (x, t_x, T) tuples with counts, in primitive arrays, so that a
 * likelihood evaluation costs one pass over distinct tuples (data on a daily grid repeat a lot) and terms that
 * depend on x alone are computed once per distinct x. The grouping is an open-addressing hash over primitives
 * (boxed map keys took most of a second for a million customers).
 */
final class RfmData {

    final int[] frequency;
    final double[] recency;
    final double[] age;
    final double[] weight;
    /** Distinct frequencies in increasing order, each tuple's index into them, and the customers at each. */
    final int[] distinctFrequencies;
    final int[] frequencyIndex;
    final double[] frequencyWeight;
    final int customers;
    final int repeatCustomers;

    /** Customers looked at before deciding whether grouping pays. */
    static final int PROBE = 1 << 16;

    private RfmData(int[] frequency, double[] recency, double[] age, double[] weight, int customers,
            int repeatCustomers) {
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.weight = weight;
        this.customers = customers;
        this.repeatCustomers = repeatCustomers;
        int maxFrequency = 0;
        for (int x : frequency) {
            maxFrequency = Math.max(maxFrequency, x);
        }
        int[] indexOf = new int[maxFrequency + 1];
        Arrays.fill(indexOf, -1);
        for (int x : frequency) {
            indexOf[x] = 0;
        }
        int distinct = 0;
        for (int x = 0; x <= maxFrequency; x++) {
            if (indexOf[x] == 0) {
                indexOf[x] = distinct++;
            }
        }
        distinctFrequencies = new int[distinct];
        frequencyWeight = new double[distinct];
        frequencyIndex = new int[frequency.length];
        for (int i = 0; i < frequency.length; i++) {
            int k = indexOf[frequency[i]];
            frequencyIndex[i] = k;
            distinctFrequencies[k] = frequency[i];
            frequencyWeight[k] += weight[i];
        }
    }

    /**
     * Customers whose (x, t_x, T) repeat share one tuple. Continuous times rarely repeat: when the first
     * {@link #PROBE} customers are mostly distinct, the rest are copied as they come (weight 1 each), which saves the
     * hash table's cache misses on a million distinct tuples.
     */
    static RfmData of(Collection<CustomerSummary> summaries) {
        int n = summaries.size();
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] weight = new double[n];
        int[] slots = table(Math.min(n, PROBE));
        int distinct = 0;
        int repeat = 0;
        int seen = 0;
        boolean grouping = true;
        for (CustomerSummary s : summaries) {
            int f = s.frequency();
            double r = s.recency() + 0.0; // one key for 0.0 and -0.0
            double t = s.age() + 0.0;
            repeat += f > 0 ? 1 : 0;
            if (grouping && seen++ == PROBE) {
                grouping = distinct <= PROBE / 2;
                if (grouping) { // repeats pay: a table for everyone
                    slots = table(n);
                    for (int i = 0; i < distinct; i++) {
                        insert(slots, hash(x[i], tx[i], age[i]), i);
                    }
                }
            }
            if (grouping) {
                int mask = slots.length - 1;
                int slot = hash(f, r, t) & mask;
                int at;
                while ((at = slots[slot]) >= 0 && !(x[at] == f && tx[at] == r && age[at] == t)) {
                    slot = (slot + 1) & mask;
                }
                if (at >= 0) {
                    weight[at]++;
                    continue;
                }
                slots[slot] = distinct;
            }
            x[distinct] = f;
            tx[distinct] = r;
            age[distinct] = t;
            weight[distinct++] = 1;
        }
        return distinct == n ? new RfmData(x, tx, age, weight, n, repeat)
                : new RfmData(Arrays.copyOf(x, distinct), Arrays.copyOf(tx, distinct), Arrays.copyOf(age, distinct),
                        Arrays.copyOf(weight, distinct), n, repeat);
    }

    /** An empty open-addressing table for up to {@code entries} entries, at a load factor of at most 1/2. */
    private static int[] table(int entries) {
        int[] slots = new int[Integer.highestOneBit(Math.max(2, entries)) << 2];
        Arrays.fill(slots, -1);
        return slots;
    }

    private static void insert(int[] slots, int hash, int index) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (slots[slot] >= 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = index;
    }

    private static int hash(int frequency, double recency, double age) {
        long h = frequency * 0x9E3779B97F4A7C15L ^ Double.doubleToLongBits(recency) * 0xC2B2AE3D27D4EB4FL
                ^ Double.doubleToLongBits(age) * 0x165667B19E3779F9L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    int distinctTuples() {
        return frequency.length;
    }

    double meanFrequency() {
        double total = 0;
        for (int i = 0; i < frequency.length; i++) {
            total += weight[i] * frequency[i];
        }
        return total / customers;
    }

    double meanAge() {
        double total = 0;
        for (int i = 0; i < age.length; i++) {
            total += weight[i] * age[i];
        }
        return total / customers;
    }
}
