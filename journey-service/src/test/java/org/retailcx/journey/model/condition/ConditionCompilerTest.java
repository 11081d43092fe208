package org.retailcx.journey.model.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class ConditionCompilerTest {

    private final ConditionCompiler compiler = new ConditionCompiler();

    @Test
    void evaluatesOverEventAndCustomer() {
        Condition condition = compiler.compile(
                "event.type == 'lead.scored' && event.score >= 70 && customer.segment in ['retail', 'premier']");

        assertTrue(condition.test(Map.of("type", "lead.scored", "score", 82L), Map.of("segment", "premier")));
        assertFalse(condition.test(Map.of("type", "lead.scored", "score", 69L), Map.of("segment", "premier")));
        assertFalse(condition.test(Map.of("type", "lead.scored", "score", 90L), Map.of("segment", "business")));
    }

    @Test
    void comparesIntegersWithDoublesAndTestsPresence() {
        Condition condition = compiler.compile("has(event.amount) && event.amount > 1000 && customer.decile <= 2");

        assertTrue(condition.test(Map.of("amount", 1500.5), Map.of("decile", 1L)));
        assertFalse(condition.test(Map.of("channel", "web"), Map.of("decile", 1L)));
    }

    @Test
    void malformedExpressionNamesLineAndColumn() {
        ConditionSyntaxException error = assertThrows(ConditionSyntaxException.class,
                () -> compiler.compile("event.score >= 70 &&\n  customer.segment == "));

        assertEquals(2, error.line());
        assertEquals(23, error.column());
        assertTrue(error.getMessage().contains("line 2, column 23"), error.getMessage());
    }

    @Test
    void nonBooleanResultIsRejectedAtCompileTime() {
        ConditionSyntaxException error = assertThrows(ConditionSyntaxException.class,
                () -> compiler.compile("event.score + 1"));

        assertTrue(error.getMessage().contains("bool"), error.getMessage());
    }

    @Test
    void undeclaredVariablesAndFunctionsDoNotCompile() {
        ConditionSyntaxException unknownVariable = assertThrows(ConditionSyntaxException.class,
                () -> compiler.compile("system.env == 'x'"));
        ConditionSyntaxException unknownFunction = assertThrows(ConditionSyntaxException.class,
                () -> compiler.compile("readFile('/etc/passwd') == ''"));

        assertEquals(1, unknownVariable.column());
        assertEquals(9, unknownFunction.column());
    }

    @Test
    void oversizedExpressionIsRefused() {
        String huge = "true" + " && true".repeat(ConditionCompiler.MAX_EXPRESSION_CODE_POINTS / 8 + 1);

        assertThrows(ConditionSyntaxException.class, () -> compiler.compile(huge));
    }

    @Test
    void runawayComprehensionStopsAtTheIterationLimit() {
        Condition condition = compiler.compile("event.items.all(i, event.items.all(j, i + j >= 0))");
        List<Long> items = LongStream.range(0, 100).boxed().toList();

        assertTrue(condition.test(Map.of("items", List.of(1L, 2L, 3L)), Map.of()));
        assertThrows(ConditionEvaluationException.class, () -> condition.test(Map.of("items", items), Map.of()));
    }

    @Test
    void missingFieldIsAnEvaluationErrorNotFalse() {
        Condition condition = compiler.compile("event.score > 1");

        assertThrows(ConditionEvaluationException.class, () -> condition.test(Map.of(), Map.of()));
    }
}
