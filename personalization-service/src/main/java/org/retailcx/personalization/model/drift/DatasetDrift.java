package org.retailcx.personalization.model.drift;

import java.util.List;

/** Column verdicts and the data set's: drifted when at least {@link #DRIFT_SHARE} of the columns drift. */
public record DatasetDrift(List<DriftScore> columns, double driftedShare, boolean drifted) {

    public static final double DRIFT_SHARE = 0.5;

    public static DatasetDrift of(List<DriftScore> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("columns: a data set needs at least one column");
        }
        long drifted = columns.stream().filter(DriftScore::drifted).count();
        double share = (double) drifted / columns.size();
        return new DatasetDrift(List.copyOf(columns), share, share >= DRIFT_SHARE);
    }
}
