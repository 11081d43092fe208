package org.retailcx.journey.model.condition;

import java.util.Map;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/** A compiled CEL condition over {@code event} and {@code customer}; thread-safe and reusable. */
public final class Condition {

    private final String expression;
    private final CelRuntime.Program program;

    Condition(String expression, CelRuntime.Program program) {
        this.expression = expression;
        this.program = program;
    }

    public String expression() {
        return expression;
    }

    /** Evaluates the condition; a field missing from either map is an evaluation error, not {@code false}. */
    public boolean test(Map<String, ?> event, Map<String, ?> customer) {
        try {
            return (Boolean) program.eval(Map.of("event", event, "customer", customer));
        } catch (CelEvaluationException e) {
            throw new ConditionEvaluationException(expression, e);
        }
    }
}
