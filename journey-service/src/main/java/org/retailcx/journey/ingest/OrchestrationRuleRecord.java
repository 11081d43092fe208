package org.retailcx.journey.ingest;

import java.util.List;

import org.retailcx.platform.problem.Problem.FieldError;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An orchestration rule as submitted, checked by the service (its CEL compiles, its action reads): accepted, or
 * refused with the problems. Bronze keeps the submission itself as its payload.
 */
@RegisterForReflection
public record OrchestrationRuleRecord(String ruleId, String journeyType, String triggerCondition,
        String actionToExecute, Integer priority, Boolean activeFlag, boolean accepted, List<FieldError> problems) {

    public static OrchestrationRuleRecord of(String ruleId, RuleSpec spec, List<FieldError> problems) {
        return new OrchestrationRuleRecord(ruleId, spec.journeyType(), spec.triggerCondition(),
                spec.actionToExecute(), spec.priority(), spec.active() == null || spec.active(), problems.isEmpty(),
                problems.isEmpty() ? null : problems);
    }
}
