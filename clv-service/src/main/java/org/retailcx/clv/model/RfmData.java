package org.retailcx.clv.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Customer summaries compressed to distinct (x, t_x, T) tuples with counts, in primitive arrays, so that a
 * likelihood evaluation costs one pass over distinct tuples (data on a daily grid repeat a lot) and terms that
 * depend on x alone are computed once per distinct x.
 */
final class RfmData {

    private record Key(int frequency, double recency, double age) {
    }

    final int[] frequency;
    final double[] recency;
    final double[] age;
    final double[] weight;
    /** Distinct frequencies in increasing order, and each tuple's index into them. */
    final int[] distinctFrequencies;
    final int[] frequencyIndex;
    final int customers;
    final int repeatCustomers;

    private RfmData(Map<Key, Integer> counts, int customers, int repeatCustomers) {
        int n = counts.size();
        frequency = new int[n];
        recency = new double[n];
        age = new double[n];
        weight = new double[n];
        TreeMap<Integer, Integer> indexOfFrequency = new TreeMap<>();
        int i = 0;
        for (Map.Entry<Key, Integer> e : counts.entrySet()) {
            frequency[i] = e.getKey().frequency();
            recency[i] = e.getKey().recency();
            age[i] = e.getKey().age();
            weight[i] = e.getValue();
            indexOfFrequency.put(frequency[i], 0);
            i++;
        }
        distinctFrequencies = indexOfFrequency.keySet().stream().mapToInt(Integer::intValue).toArray();
        for (int k = 0; k < distinctFrequencies.length; k++) {
            indexOfFrequency.put(distinctFrequencies[k], k);
        }
        frequencyIndex = new int[n];
        for (int j = 0; j < n; j++) {
            frequencyIndex[j] = indexOfFrequency.get(frequency[j]);
        }
        this.customers = customers;
        this.repeatCustomers = repeatCustomers;
    }

    static RfmData of(Collection<CustomerSummary> summaries) {
        Map<Key, Integer> counts = new HashMap<>();
        int repeat = 0;
        for (CustomerSummary s : summaries) {
            counts.merge(new Key(s.frequency(), s.recency(), s.age()), 1, Integer::sum);
            if (s.frequency() > 0) {
                repeat++;
            }
        }
        return new RfmData(counts, summaries.size(), repeat);
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
