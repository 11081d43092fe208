package org.retailcx.journey.model.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.retailcx.journey.model.condition.ConditionEvaluationException;

/**
 * Judges an event against the rules in priority order (ties by rule id, so the order is total). Every active rule
 * for the customer's journeys is evaluated; the first that matches fires, later matches are recorded but do not
 * act, so one event asks for at most one orchestration action. A condition that fails on the event (a missing
 * field) counts as evaluated, not matched.
 */
public final class RuleEngine {

    private static final Comparator<OrchestrationRule> ORDER = Comparator.comparingInt(OrchestrationRule::priority)
            .thenComparing(OrchestrationRule::ruleId);

    private final List<OrchestrationRule> rules;

    public RuleEngine(List<OrchestrationRule> rules) {
        this.rules = rules.stream().sorted(ORDER).toList();
    }

    /** What each rule did with one event. */
    public record Outcome(String ruleId, boolean matched, boolean fired, String action, String error) {
    }

    public List<Outcome> judge(Map<String, ?> event, Map<String, ?> customer, Set<String> runningJourneys) {
        List<Outcome> outcomes = new ArrayList<>();
        boolean fired = false;
        for (OrchestrationRule rule : rules) {
            if (!rule.appliesTo(runningJourneys)) {
                continue;
            }
            try {
                boolean matched = rule.condition().test(event, customer);
                boolean fires = matched && !fired;
                fired |= fires;
                outcomes.add(new Outcome(rule.ruleId(), matched, fires, fires ? rule.action() : null, null));
            } catch (ConditionEvaluationException e) {
                outcomes.add(new Outcome(rule.ruleId(), false, false, null, e.getMessage()));
            }
        }
        return outcomes;
    }
}
