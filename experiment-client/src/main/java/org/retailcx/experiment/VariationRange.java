package org.retailcx.experiment;

/** A half-open bucket interval [start, end) of the unit hash space that leads to one variation. */
public record VariationRange(double start, double end) {

    public boolean contains(double bucket) {
        return bucket >= start && bucket < end;
    }
}
