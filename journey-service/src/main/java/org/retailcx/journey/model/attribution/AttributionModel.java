package org.retailcx.journey.model.attribution;

/** A way of sharing each conversion, and its value, among the channels of the paths that led to it. */
public interface AttributionModel {

    /** Short stable name, e.g. {@code markov-2}, used as the model column of attribution facts. */
    String name();

    AttributionResult attribute(PathSet paths);
}
