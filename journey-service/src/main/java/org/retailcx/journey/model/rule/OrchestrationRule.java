package org.retailcx.journey.model.rule;

import java.util.Objects;
import java.util.Set;

import org.retailcx.journey.model.condition.Condition;

/**
 * A row of {@code retail_journey_orchestration_rules}, compiled: when an event for a customer in a journey of
 * {@code journeyType} ({@code *}: any event) satisfies {@code condition}, request {@code action}. A lower
 * {@code priority} number is judged first.
 */
public record OrchestrationRule(String ruleId, String journeyType, Condition condition, String action, int priority,
                                boolean active) {

    public static final String ANY_JOURNEY = "*";

    public OrchestrationRule {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(journeyType, "journeyType");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(action, "action");
    }

    boolean appliesTo(Set<String> runningJourneys) {
        return active && (ANY_JOURNEY.equals(journeyType) || runningJourneys.contains(journeyType));
    }
}
