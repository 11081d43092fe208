package org.retailcx.personalization.model.drift;

/** One column's drift: the test used, its score (p-value or distance), the threshold and the verdict. */
public record DriftScore(String column, DriftMethod method, double score, double threshold, boolean drifted) {

    static DriftScore of(String column, DriftMethod method, double score) {
        return new DriftScore(column, method, score, method.defaultThreshold(),
                method.drifted(score, method.defaultThreshold()));
    }
}
