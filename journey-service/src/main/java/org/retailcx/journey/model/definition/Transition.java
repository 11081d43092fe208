package org.retailcx.journey.model.definition;

import java.time.Instant;

/** One thing that happened to an instance in a step, in order; the runtime turns these into facts and events. */
public record Transition(Kind kind, String fromNode, String toNode, String detail, Instant at) {

    public enum Kind {
        ENTERED, MOVED, STAGE_ENTERED, WAITING, ABANDONED, RECOVERED, GOAL_REACHED, EXITED, ENDED
    }
}
