package org.retailcx.journey.model.definition;

/**
 * An event type and an optional CEL condition over {@code event} and {@code customer}: the entry trigger, a goal
 * that completes the journey, or an exit criterion that takes the customer out of it.
 */
public record EventRule(String name, String eventType, String condition) {

    public boolean hasCondition() {
        return condition != null && !condition.isBlank();
    }
}
