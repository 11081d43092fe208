package org.retailcx.journey.model.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.retailcx.journey.model.condition.ConditionCompiler;
import org.retailcx.journey.model.definition.JourneyNode.ConditionBranch;
import org.retailcx.journey.model.definition.JourneyNode.ConditionSplit;
import org.retailcx.journey.model.definition.JourneyNode.End;
import org.retailcx.journey.model.definition.JourneyNode.RandomSplit;
import org.retailcx.journey.model.definition.JourneyNode.SendMessage;
import org.retailcx.journey.model.definition.JourneyNode.Stage;
import org.retailcx.journey.model.definition.JourneyNode.WaitDuration;
import org.retailcx.journey.model.definition.JourneyNode.WeightedBranch;

class JourneyValidatorTest {

    private final JourneyValidator validator = new JourneyValidator(new ConditionCompiler());

    @Test
    void theOnboardingJourneyIsValid() {
        assertEquals(List.of(), validator.validate(OnboardingJourney.definition()));
    }

    @Test
    void namesAnUnreachableNode() {
        List<JourneyNode> nodes = OnboardingJourney.nodes();
        nodes.add(new SendMessage("orphan", "email", "never-sent", "done"));

        assertEquals(List.of(new DefinitionProblem("orphan", "unreachable from the start node 'welcome'")),
                validator.validate(OnboardingJourney.definition(nodes, "welcome")));
    }

    @Test
    void namesAWaitFreeCycle() {
        List<JourneyNode> nodes = List.of(
                new Stage("a", "A", null, "split"),
                new ConditionSplit("split", List.of(new ConditionBranch("customer.vip == true", "done")), "nudge"),
                new SendMessage("nudge", "push", "nudge", "a"),
                new End("done"));

        List<DefinitionProblem> problems = validator.validate(OnboardingJourney.definition(nodes, "a"));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("a", problems.get(0).node());
        assertEquals("cycle a → split → nudge → a passes no wait, so one event would loop forever",
                problems.get(0).reason());
    }

    @Test
    void aCycleThroughAWaitIsAReminderLoop() {
        List<JourneyNode> nodes = List.of(
                new ConditionSplit("split", List.of(new ConditionBranch("customer.vip == true", "done")), "nudge"),
                new SendMessage("nudge", "push", "nudge", "pause"),
                new WaitDuration("pause", Duration.ofDays(1), "split"),
                new End("done"));

        assertEquals(List.of(), validator.validate(OnboardingJourney.definition(nodes, "split")));
    }

    @Test
    void namesNodesFromWhichNoBranchEnds() {
        List<JourneyNode> nodes = List.of(
                new ConditionSplit("split", List.of(new ConditionBranch("customer.vip == true", "done")), "nudge"),
                new SendMessage("nudge", "push", "nudge", "pause"),
                new WaitDuration("pause", Duration.ofDays(1), "nudge"),
                new End("done"));

        List<DefinitionProblem> problems = validator.validate(OnboardingJourney.definition(nodes, "split"));

        assertEquals(List.of("nudge", "pause"), problems.stream().map(DefinitionProblem::node).sorted().toList());
        assertTrue(problems.stream().allMatch(p -> p.reason().equals("no branch from here ever reaches an end node")));
    }

    @Test
    void namesMissingAndUnknownBranches() {
        List<JourneyNode> nodes = OnboardingJourney.nodes();
        nodes.set(1, new SendMessage("send-welcome", "email", "welcome", null));
        nodes.set(3, new ConditionSplit("reminder-split",
                List.of(new ConditionBranch("customer.decile <= 3", "ask-nab")), "sms-reminder"));

        List<DefinitionProblem> problems = validator.validate(OnboardingJourney.definition(nodes, "welcome"));

        assertTrue(problems.contains(new DefinitionProblem("send-welcome", "branch 1 has no next node")), problems.toString());
        assertTrue(problems.contains(new DefinitionProblem("reminder-split",
                "branch 1 leads to unknown node 'ask-nab'")), problems.toString());
    }

    @Test
    void malformedConditionNamesNodeAndPosition() {
        List<JourneyNode> nodes = OnboardingJourney.nodes();
        nodes.set(3, new ConditionSplit("reminder-split",
                List.of(new ConditionBranch("customer.decile <= ", "ask-nba")), "sms-reminder"));

        List<DefinitionProblem> problems = validator.validate(OnboardingJourney.definition(nodes, "welcome"));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("reminder-split", problems.get(0).node());
        assertTrue(problems.get(0).reason().startsWith("condition does not compile at line 1, column 20"),
                problems.get(0).reason());
    }

    @Test
    void namesBadSplitsDurationsAndDuplicates() {
        List<JourneyNode> nodes = OnboardingJourney.nodes();
        nodes.set(9, new RandomSplit("offer-test", null, List.of(
                new WeightedBranch("offer", 0, "offer-email"), new WeightedBranch("offer", 50, "cool-off"))));
        nodes.set(11, new WaitDuration("cool-off", Duration.ZERO, "done"));
        nodes.add(new End("done"));

        List<DefinitionProblem> problems = validator.validate(OnboardingJourney.definition(nodes, "welcome"));

        assertTrue(problems.contains(new DefinitionProblem("offer-test", "variant 'offer' needs a positive weight")));
        assertTrue(problems.contains(new DefinitionProblem("offer-test", "variant 'offer' appears twice")));
        assertTrue(problems.contains(new DefinitionProblem("cool-off", "wait duration must be positive")));
        assertTrue(problems.contains(new DefinitionProblem("done", "the id is used by more than one node")));
    }

    @Test
    void namesAMissingStartAndBadEntryCondition() {
        JourneyDefinition definition = new JourneyDefinition("x", 1,
                new EventRule("entry", "lead.created", "event.score >> 3"), true, "nowhere",
                List.of(new End("done")), List.of(), List.of(), ReEntryPolicy.never());

        List<DefinitionProblem> problems = validator.validate(definition);

        assertEquals("entry", problems.get(0).node());
        assertTrue(problems.get(0).reason().contains("column"), problems.get(0).reason());
        assertEquals(new DefinitionProblem("start", "start node 'nowhere' does not exist"), problems.get(1));
    }
}
