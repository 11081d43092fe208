package org.retailcx.sentiment.model.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.retailcx.sentiment.model.vader.VaderAnalyzer;
import org.retailcx.sentiment.model.vader.VaderScores;

/**
 * A trained multinomial logistic regression over {@link TextFeatures}: one weight per (feature seen in training,
 * class) and one bias per class. Immutable and thread-safe; {@link #write} and {@link #read} give the gzip'd binary
 * resource format that {@link SentimentModelTrainer} produces.
 */
public final class LinearTextClassifier {

    private static final int FORMAT = 1;

    private final String name;
    private final List<String> classNames;
    private final TextFeatures features;
    private final int[] keys;
    private final float[] weights;
    private final float[] bias;
    private final String provenance;
    /** Open-addressing index key → column (+1; 0 = empty), so scoring costs no binary search per feature. */
    private final int[] slotKeys;
    private final int[] slotColumns;
    private final int slotMask;

    LinearTextClassifier(String name, List<String> classNames, TextFeatures features, int[] keys, float[] weights,
                         float[] bias, String provenance) {
        this.name = name;
        this.classNames = List.copyOf(classNames);
        this.features = features;
        this.keys = keys;
        this.weights = weights;
        this.bias = bias;
        this.provenance = provenance;
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 + 1) - 1) << 1;
        this.slotKeys = new int[capacity];
        this.slotColumns = new int[capacity];
        this.slotMask = capacity - 1;
        for (int column = 0; column < keys.length; column++) {
            int slot = TextFeatures.mix(keys[column]) & slotMask;
            while (slotColumns[slot] != 0) {
                slot = (slot + 1) & slotMask;
            }
            slotKeys[slot] = keys[column];
            slotColumns[slot] = column + 1;
        }
    }

    /** The key's column, or −1 when the model has no weight for it. */
    private int column(int key) {
        int slot = TextFeatures.mix(key) & slotMask;
        while (true) {
            int column = slotColumns[slot];
            if (column == 0) {
                return -1;
            }
            if (slotKeys[slot] == key) {
                return column - 1;
            }
            slot = (slot + 1) & slotMask;
        }
    }

    /** Model name and version, e.g. {@code financial-v1}, as stored with each analysis. */
    public String name() {
        return name;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** What the model was trained on and how (data digest, settings, iterations), for lineage. */
    public String provenance() {
        return provenance;
    }

    public int featureCount() {
        return keys.length;
    }

    public double[] probabilities(String text) {
        return probabilities(features.extract(text));
    }

    /**
     * {@link #probabilities(String)} from the text's {@link TextFeatures#normalisedTokens}, its VADER scores (from
     * the VADER this model was read with) and the financial rules' signal over the tokens, computed once by the caller.
     */
    public double[] probabilities(List<String> tokens, VaderScores vaderScores, FinancialDirectionRules.Signal finance) {
        return probabilities(features.extract(tokens, vaderScores, finance));
    }

    public double[] probabilities(SparseVector x) {
        int classes = classNames.size();
        double[] scores = new double[classes];
        for (int k = 0; k < classes; k++) {
            scores[k] = bias[k];
        }
        int[] xKeys = x.keys();
        double[] xValues = x.values();
        for (int j = 0; j < xKeys.length; j++) {
            int column = column(xKeys[j]);
            if (column >= 0) {
                int offset = column * classes;
                for (int k = 0; k < classes; k++) {
                    scores[k] += weights[offset + k] * xValues[j];
                }
            }
        }
        return softmax(scores);
    }

    public int predict(String text) {
        return argMax(probabilities(text));
    }

    static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        double[] p = new double[scores.length];
        for (int k = 0; k < scores.length; k++) {
            p[k] = Math.exp(scores[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < scores.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    public static int argMax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        DataOutputStream data = new DataOutputStream(gzip);
        data.writeInt(FORMAT);
        data.writeUTF(name);
        data.writeUTF(provenance);
        data.writeInt(classNames.size());
        for (String className : classNames) {
            data.writeUTF(className);
        }
        TextFeatures.Settings settings = features.settings();
        data.writeInt(settings.maxWordNgram());
        data.writeInt(settings.minCharNgram());
        data.writeInt(settings.maxCharNgram());
        data.writeDouble(settings.charWeight());
        data.writeDouble(settings.lexiconWeight());
        for (float b : bias) {
            data.writeFloat(b);
        }
        data.writeInt(keys.length);
        for (int key : keys) {
            data.writeInt(key);
        }
        for (float weight : weights) {
            data.writeFloat(weight);
        }
        data.flush();
        gzip.finish();
    }

    public static LinearTextClassifier read(InputStream in, VaderAnalyzer vader, AfinnLexicon afinn) throws IOException {
        DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16));
        int format = data.readInt();
        if (format != FORMAT) {
            throw new IOException("unknown model format " + format);
        }
        String name = data.readUTF();
        String provenance = data.readUTF();
        int classes = data.readInt();
        List<String> classNames = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) {
            classNames.add(data.readUTF());
        }
        TextFeatures.Settings settings = new TextFeatures.Settings(data.readInt(), data.readInt(), data.readInt(),
                data.readDouble(), data.readDouble());
        float[] bias = new float[classes];
        for (int k = 0; k < classes; k++) {
            bias[k] = data.readFloat();
        }
        int[] keys = new int[data.readInt()];
        for (int j = 0; j < keys.length; j++) {
            keys[j] = data.readInt();
        }
        float[] weights = new float[keys.length * classes];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = data.readFloat();
        }
        return new LinearTextClassifier(name, classNames, new TextFeatures(settings, vader, afinn), keys, weights,
                bias, provenance);
    }
}
