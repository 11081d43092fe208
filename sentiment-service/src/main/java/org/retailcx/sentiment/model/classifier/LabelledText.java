package org.retailcx.sentiment.model.classifier;

import java.util.Set;

/** A training or evaluation example: a text and its gold classes (several when annotators disagreed). */
public record LabelledText(String text, Set<Integer> labels) {

    public LabelledText {
        labels = Set.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("an example needs at least one label");
        }
    }

    public static LabelledText of(String text, int label) {
        return new LabelledText(text, Set.of(label));
    }

    /** The one label, for single-label training; the smallest id when there are several. */
    public int primaryLabel() {
        return labels.stream().mapToInt(Integer::intValue).min().orElseThrow();
    }
}
