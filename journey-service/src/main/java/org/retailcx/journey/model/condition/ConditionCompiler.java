package org.retailcx.journey.model.condition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * Compiles journey conditions written in CEL. The environment declares two variables, {@code event} and
 * {@code customer} (maps from string to any value), and only CEL's standard library: no function that reaches
 * files, network, clock or host objects is declared, so a condition can only read what it is given. Size,
 * nesting and comprehension limits keep a hostile expression from running away.
 */
public final class ConditionCompiler {

    static final int MAX_EXPRESSION_CODE_POINTS = 4_096;
    static final int MAX_COMPREHENSION_ITERATIONS = 1_000;

    private static final CelOptions OPTIONS = CelOptions.current()
            .maxExpressionCodePointSize(MAX_EXPRESSION_CODE_POINTS)
            .maxParseRecursionDepth(64)
            .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
            .enableHeterogeneousNumericComparisons(true)
            .build();

    private final CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .addVar("event", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("customer", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setResultType(SimpleType.BOOL)
            .build();

    private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(OPTIONS)
            .build();

    /** @throws ConditionSyntaxException naming line and column of the first error */
    public Condition compile(String expression) {
        CelValidationResult result = compiler.compile(expression);
        if (result.hasError()) {
            CelIssue first = result.getErrors().get(0);
            CelSourceLocation at = first.getSourceLocation();
            // CEL reports 0-based columns and -1 when it has none; people count from 1.
            int line = Math.max(at.getLine(), 1);
            int column = Math.max(at.getColumn(), 0) + 1;
            throw new ConditionSyntaxException(expression, line, column, first.getMessage());
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            return new Condition(expression, runtime.createProgram(ast));
        } catch (CelValidationException | CelEvaluationException e) {
            throw new ConditionSyntaxException(expression, 1, 1, e.getMessage());
        }
    }
}
