package org.retailcx.journey.model.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.retailcx.journey.model.condition.ConditionCompiler;
import org.retailcx.journey.model.condition.ConditionSyntaxException;
import org.retailcx.journey.model.rule.RuleEngine.Outcome;

class RuleEngineTest {

    private final ConditionCompiler compiler = new ConditionCompiler();

    private OrchestrationRule rule(String id, String journey, String cel, int priority, boolean active) {
        return new OrchestrationRule(id, journey, compiler.compile(cel), "message:" + id, priority, active);
    }

    @Test
    void firstMatchInPriorityOrderFiresLaterMatchesOnlyCount() {
        RuleEngine engine = new RuleEngine(List.of(
                rule("broad", "*", "event.type == 'app.step'", 20, true),
                rule("narrow", "onboarding", "event.type == 'app.step' && event.step == 'kyc'", 10, true),
                rule("off", "*", "true", 1, false),
                rule("loan-only", "loan-application", "true", 5, true)));

        List<Outcome> kyc = engine.judge(Map.of("type", "app.step", "step", "kyc"), Map.of(), Set.of("onboarding"));
        assertEquals(List.of(new Outcome("narrow", true, true, "message:narrow", null),
                new Outcome("broad", true, false, null, null)), kyc);

        List<Outcome> other = engine.judge(Map.of("type", "app.step", "step", "id"), Map.of(), Set.of("onboarding"));
        assertEquals(List.of(new Outcome("narrow", false, false, null, null),
                new Outcome("broad", true, true, "message:broad", null)), other);
    }

    @Test
    void aFailingConditionIsEvaluatedNotMatchedAndDoesNotStopTheOthers() {
        RuleEngine engine = new RuleEngine(List.of(rule("needs-score", "*", "event.score > 70", 1, true),
                rule("any", "*", "true", 2, true)));

        List<Outcome> outcomes = engine.judge(Map.of("type", "x"), Map.of(), Set.of());
        assertEquals(2, outcomes.size());
        assertEquals(false, outcomes.get(0).matched());
        assertNotNull(outcomes.get(0).error());
        assertEquals(new Outcome("any", true, true, "message:any", null), outcomes.get(1));
    }

    @Test
    void aMalformedConditionNamesItsPosition() {
        ConditionSyntaxException e = assertThrows(ConditionSyntaxException.class,
                () -> rule("bad", "*", "event.score >", 1, true));
        assertEquals(1, e.line());
        assertEquals(14, e.column());
    }
}
