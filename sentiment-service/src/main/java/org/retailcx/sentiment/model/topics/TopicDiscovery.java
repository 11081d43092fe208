package org.retailcx.sentiment.model.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Topics found in the data rather than the banking taxonomy: non-negative matrix factorisation (Lee and Seung's
 * multiplicative updates for the Frobenius norm) of the documents' L2-normalised TF-IDF matrix. Each document
 * joins the topic with its largest weight; a topic reports its heaviest terms, its size and the mean sentiment of
 * its documents. Deterministic: a fixed seed, so the same window gives the same topics.
 */
public final class TopicDiscovery {

    /** One text of the window: its terms (keywords or tokens) and its −1..1 sentiment. */
    public record TopicDocument(String id, List<String> terms, double sentiment) {
    }

    /** A discovered topic: heaviest terms first, how many documents joined it and their mean sentiment. */
    public record DiscoveredTopic(int index, List<String> terms, int size, double averageSentiment,
            List<String> documentIds) {
    }

    private static final int ITERATIONS = 200;
    private static final double EPS = 1e-9;

    private final int topics;
    private final int topTerms;
    private final int minDocumentFrequency;
    private final int maxVocabulary;

    public TopicDiscovery(int topics, int topTerms, int minDocumentFrequency, int maxVocabulary) {
        if (topics < 1 || topTerms < 1 || minDocumentFrequency < 1 || maxVocabulary < 1) {
            throw new IllegalArgumentException("topics, topTerms, minDocumentFrequency, maxVocabulary must be >= 1");
        }
        this.topics = topics;
        this.topTerms = topTerms;
        this.minDocumentFrequency = minDocumentFrequency;
        this.maxVocabulary = maxVocabulary;
    }

    /**
     * The topics of these documents, largest first; topics no document joined are left out, and so are documents
     * with none of the kept terms.
     */
    public List<DiscoveredTopic> discover(List<TopicDocument> documents) {
        List<String> vocabulary = vocabulary(documents);
        if (vocabulary.isEmpty() || documents.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> column = new HashMap<>();
        for (int j = 0; j < vocabulary.size(); j++) {
            column.put(vocabulary.get(j), j);
        }
        SparseRow[] v = tfidf(documents, column);
        int n = v.length;
        int m = vocabulary.size();
        int k = Math.min(topics, Math.min(n, m));
        SplittableRandom random = new SplittableRandom(42);
        double[][] w = new double[n][k];
        double[][] h = new double[k][m];
        for (double[] row : w) {
            for (int t = 0; t < k; t++) {
                row[t] = random.nextDouble() + EPS;
            }
        }
        for (double[] row : h) {
            for (int j = 0; j < m; j++) {
                row[j] = random.nextDouble() + EPS;
            }
        }
        for (int it = 0; it < ITERATIONS; it++) {
            updateH(v, w, h);
            updateW(v, w, h);
        }
        return topics(documents, vocabulary, w, h);
    }

    /** How many terms these documents' matrix keeps (the columns of V). */
    public int vocabularySize(List<TopicDocument> documents) {
        return vocabulary(documents).size();
    }

    private List<String> vocabulary(List<TopicDocument> documents) {
        Map<String, Integer> df = new HashMap<>();
        for (TopicDocument d : documents) {
            d.terms().stream().map(String::toLowerCase).distinct().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        // Terms in nearly every document separate nothing; rare ones are noise.
        int ceiling = Math.max(minDocumentFrequency, (int) Math.ceil(0.5 * documents.size()));
        return df.entrySet().stream()
                .filter(e -> e.getValue() >= minDocumentFrequency && e.getValue() <= ceiling)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxVocabulary).map(Map.Entry::getKey).toList();
    }

    /** A document's non-zero TF-IDF weights: a text uses a handful of the window's terms, so V is kept sparse. */
    private record SparseRow(int[] columns, double[] values) {
    }

    private static SparseRow[] tfidf(List<TopicDocument> documents, Map<String, Integer> column) {
        int n = documents.size();
        List<Map<Integer, Double>> counts = new ArrayList<>(n);
        int[] df = new int[column.size()];
        for (TopicDocument d : documents) {
            Map<Integer, Double> tf = new TreeMap<>();
            for (String term : d.terms()) {
                Integer j = column.get(term.toLowerCase());
                if (j != null) {
                    tf.merge(j, 1.0, Double::sum);
                }
            }
            tf.keySet().forEach(j -> df[j]++);
            counts.add(tf);
        }
        SparseRow[] v = new SparseRow[n];
        for (int i = 0; i < n; i++) {
            Map<Integer, Double> tf = counts.get(i);
            int[] columns = new int[tf.size()];
            double[] values = new double[tf.size()];
            double norm = 0;
            int c = 0;
            for (Map.Entry<Integer, Double> e : tf.entrySet()) {
                columns[c] = e.getKey();
                values[c] = e.getValue() * (Math.log((1.0 + n) / (1.0 + df[e.getKey()])) + 1.0);
                norm += values[c] * values[c];
                c++;
            }
            norm = Math.sqrt(norm);
            for (int x = 0; x < values.length && norm > 0; x++) {
                values[x] /= norm;
            }
            v[i] = new SparseRow(columns, values);
        }
        return v;
    }

    /** H ← H ∘ (WᵀV) / (WᵀWH). */
    private static void updateH(SparseRow[] v, double[][] w, double[][] h) {
        int k = h.length;
        int m = h[0].length;
        double[][] wtv = new double[k][m];
        double[][] wtw = new double[k][k];
        for (int i = 0; i < v.length; i++) {
            SparseRow row = v[i];
            for (int a = 0; a < k; a++) {
                double wa = w[i][a];
                if (wa == 0) {
                    continue;
                }
                for (int x = 0; x < row.columns().length; x++) {
                    wtv[a][row.columns()[x]] += wa * row.values()[x];
                }
                for (int b = 0; b < k; b++) {
                    wtw[a][b] += wa * w[i][b];
                }
            }
        }
        for (int j = 0; j < m; j++) {
            double[] column = new double[k];
            for (int b = 0; b < k; b++) {
                column[b] = h[b][j];
            }
            for (int a = 0; a < k; a++) {
                double denom = 0;
                for (int b = 0; b < k; b++) {
                    denom += wtw[a][b] * column[b];
                }
                h[a][j] *= wtv[a][j] / (denom + EPS);
            }
        }
    }

    /** W ← W ∘ (VHᵀ) / (WHHᵀ). */
    private static void updateW(SparseRow[] v, double[][] w, double[][] h) {
        int k = h.length;
        int m = h[0].length;
        double[][] hht = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += h[a][j] * h[b][j];
                }
                hht[a][b] = s;
            }
        }
        for (int i = 0; i < v.length; i++) {
            SparseRow row = v[i];
            double[] vht = new double[k];
            for (int a = 0; a < k; a++) {
                double s = 0;
                for (int x = 0; x < row.columns().length; x++) {
                    s += row.values()[x] * h[a][row.columns()[x]];
                }
                vht[a] = s;
            }
            double[] old = w[i].clone();
            for (int a = 0; a < k; a++) {
                double denom = 0;
                for (int b = 0; b < k; b++) {
                    denom += old[b] * hht[b][a];
                }
                w[i][a] = old[a] * vht[a] / (denom + EPS);
            }
        }
    }

    private List<DiscoveredTopic> topics(List<TopicDocument> documents, List<String> vocabulary, double[][] w,
            double[][] h) {
        int k = h.length;
        List<List<Integer>> members = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < w.length; i++) {
            int best = -1;
            double weight = EPS;
            for (int a = 0; a < k; a++) {
                if (w[i][a] > weight) {
                    weight = w[i][a];
                    best = a;
                }
            }
            if (best >= 0) {
                members.get(best).add(i);
            }
        }
        List<DiscoveredTopic> result = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            List<Integer> docs = members.get(a);
            if (docs.isEmpty()) {
                continue;
            }
            double[] row = h[a];
            List<String> terms = java.util.stream.IntStream.range(0, row.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer j) -> -row[j]).thenComparing(vocabulary::get))
                    .limit(topTerms).map(vocabulary::get).toList();
            double mean = docs.stream().mapToDouble(i -> documents.get(i).sentiment()).average().orElse(0);
            result.add(new DiscoveredTopic(0, terms, docs.size(), mean,
                    docs.stream().map(i -> documents.get(i).id()).toList()));
        }
        result.sort(Comparator.comparingInt(DiscoveredTopic::size).reversed()
                .thenComparing(t -> t.terms().get(0)));
        List<DiscoveredTopic> numbered = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            DiscoveredTopic t = result.get(i);
            numbered.add(new DiscoveredTopic(i, t.terms(), t.size(), t.averageSentiment(), t.documentIds()));
        }
        return numbered;
    }
}
