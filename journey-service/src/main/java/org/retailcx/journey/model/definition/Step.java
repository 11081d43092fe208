package org.retailcx.journey.model.definition;

import java.util.List;

/**
 * What one event or timer did to an instance: its new state (null for a refused entry with no earlier instance),
 * the transitions and the actions requested.
 * {@code ignoredBecause} says why nothing happened (a duplicate event, a stale timer, a refused entry), else null.
 */
public record Step(JourneyInstance instance, List<Transition> transitions, List<ActionRequest> actions,
                   String ignoredBecause) {

    public Step {
        transitions = List.copyOf(transitions);
        actions = List.copyOf(actions);
    }

    static Step ignored(JourneyInstance instance, String because) {
        return new Step(instance, List.of(), List.of(), because);
    }

    public boolean isIgnored() {
        return ignoredBecause != null;
    }
}
