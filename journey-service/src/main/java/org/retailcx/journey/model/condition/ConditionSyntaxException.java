package org.retailcx.journey.model.condition;

/** A CEL condition that does not compile; line and column (both 1-based) point at the first error. */
public final class ConditionSyntaxException extends IllegalArgumentException {

    private final String expression;
    private final int line;
    private final int column;

    public ConditionSyntaxException(String expression, int line, int column, String message) {
        super("condition does not compile at line " + line + ", column " + column + ": " + message);
        this.expression = expression;
        this.line = line;
        this.column = column;
    }

    public String expression() {
        return expression;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
