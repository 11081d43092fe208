package org.retailcx.sentiment.model.classifier;

import java.util.List;

/**
 * Accuracy, macro-F1 and the confusion matrix of predictions against gold labels. A prediction counts as right
 * when it is one of the example's gold labels (GoEmotions keeps several when annotators disagreed); for the
 * confusion matrix and F1 the gold label is the predicted one when it is among them, else the primary one.
 */
public record ClassificationReport(List<String> classNames, int[][] confusion, int examples, int correct) {

    public static ClassificationReport of(List<String> classNames, List<LabelledText> examples, int[] predictions) {
        int classes = classNames.size();
        int[][] confusion = new int[classes][classes];
        int correct = 0;
        for (int i = 0; i < predictions.length; i++) {
            LabelledText example = examples.get(i);
            boolean right = example.labels().contains(predictions[i]);
            int gold = right ? predictions[i] : example.primaryLabel();
            confusion[gold][predictions[i]]++;
            if (right) {
                correct++;
            }
        }
        return new ClassificationReport(List.copyOf(classNames), confusion, predictions.length, correct);
    }

    public double accuracy() {
        return examples == 0 ? 0 : correct / (double) examples;
    }

    public double f1(int k) {
        int truePositives = confusion[k][k];
        int predicted = 0;
        int actual = 0;
        for (int j = 0; j < confusion.length; j++) {
            predicted += confusion[j][k];
            actual += confusion[k][j];
        }
        if (truePositives == 0) {
            return 0;
        }
        double precision = truePositives / (double) predicted;
        double recall = truePositives / (double) actual;
        return 2 * precision * recall / (precision + recall);
    }

    public double macroF1() {
        double sum = 0;
        for (int k = 0; k < confusion.length; k++) {
            sum += f1(k);
        }
        return sum / confusion.length;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(String.format("accuracy %.4f, macro-F1 %.4f on %d;", accuracy(),
                macroF1(), examples));
        for (int k = 0; k < classNames.size(); k++) {
            out.append(String.format(" F1(%s) %.4f", classNames.get(k), f1(k)));
        }
        return out.toString();
    }
}
