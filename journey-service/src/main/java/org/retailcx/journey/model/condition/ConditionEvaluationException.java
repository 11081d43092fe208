package org.retailcx.journey.model.condition;

/** A compiled condition that failed while running, e.g. a missing map key or a limit reached. */
public final class ConditionEvaluationException extends RuntimeException {

    public ConditionEvaluationException(String expression, Throwable cause) {
        super("condition '" + expression + "' failed: " + cause.getMessage(), cause);
    }
}
