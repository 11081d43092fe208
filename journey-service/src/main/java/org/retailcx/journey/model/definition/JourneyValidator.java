package org.retailcx.journey.model.definition;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.retailcx.journey.model.condition.ConditionCompiler;
import org.retailcx.journey.model.condition.ConditionSyntaxException;
import org.retailcx.journey.model.definition.JourneyNode.ConditionBranch;
import org.retailcx.journey.model.definition.JourneyNode.ConditionSplit;
import org.retailcx.journey.model.definition.JourneyNode.End;
import org.retailcx.journey.model.definition.JourneyNode.RandomSplit;
import org.retailcx.journey.model.definition.JourneyNode.RequestNextBestAction;
import org.retailcx.journey.model.definition.JourneyNode.SendMessage;
import org.retailcx.journey.model.definition.JourneyNode.Stage;
import org.retailcx.journey.model.definition.JourneyNode.WaitDuration;
import org.retailcx.journey.model.definition.JourneyNode.WaitForEvent;
import org.retailcx.journey.model.definition.JourneyNode.WaitUntilLocalTime;
import org.retailcx.journey.model.definition.JourneyNode.WeightedBranch;

/**
 * Checks a journey definition before it is published: every reference resolves, every node is reachable from the
 * start, no cycle can be run round without a wait (it would loop within one event), every node can reach an end,
 * and every condition compiles. Each problem names its node and the reason.
 */
public final class JourneyValidator {

    private final ConditionCompiler compiler;

    public JourneyValidator(ConditionCompiler compiler) {
        this.compiler = compiler;
    }

    /** @return the problems found, empty when the definition may be published */
    public List<DefinitionProblem> validate(JourneyDefinition definition) {
        List<DefinitionProblem> problems = new ArrayList<>();
        checkHeader(definition, problems);
        Map<String, JourneyNode> nodes = new HashMap<>();
        for (JourneyNode node : definition.nodes()) {
            if (node.id() == null || node.id().isBlank()) {
                problems.add(new DefinitionProblem("(unnamed)", "a node has no id"));
            } else if (nodes.putIfAbsent(node.id(), node) != null) {
                problems.add(new DefinitionProblem(node.id(), "the id is used by more than one node"));
            }
        }
        for (JourneyNode node : nodes.values()) {
            checkNode(node, nodes, problems);
        }
        if (definition.startNode() == null || !nodes.containsKey(definition.startNode())) {
            problems.add(new DefinitionProblem("start", "start node '" + definition.startNode() + "' does not exist"));
            return problems;
        }
        Set<String> reachable = reachableFrom(definition.startNode(), nodes);
        for (JourneyNode node : definition.nodes()) {
            if (node.id() != null && !reachable.contains(node.id())) {
                problems.add(new DefinitionProblem(node.id(), "unreachable from the start node '"
                        + definition.startNode() + "'"));
            }
        }
        findWaitFreeCycles(reachable, nodes, problems);
        Set<String> ending = nodesThatReachAnEnd(nodes);
        for (String id : reachable) {
            if (!ending.contains(id)) {
                problems.add(new DefinitionProblem(id, "no branch from here ever reaches an end node"));
            }
        }
        return problems;
    }

    private void checkHeader(JourneyDefinition definition, List<DefinitionProblem> problems) {
        if (definition.key().isBlank()) {
            problems.add(new DefinitionProblem("journey", "the journey has no key"));
        }
        if (definition.version() < 1) {
            problems.add(new DefinitionProblem("journey", "version must be 1 or more, was " + definition.version()));
        }
        checkRule("entry", definition.entry(), problems);
        definition.goals().forEach(goal -> checkRule("goal:" + goal.name(), goal, problems));
        definition.exits().forEach(exit -> checkRule("exit:" + exit.name(), exit, problems));
        ReEntryPolicy reEntry = definition.reEntry();
        if (reEntry.mode() == ReEntryPolicy.Mode.AFTER_COOLDOWN && !isPositive(reEntry.cooldown())) {
            problems.add(new DefinitionProblem("re-entry", "a cool-down re-entry needs a positive cool-down"));
        }
    }

    private void checkRule(String where, EventRule rule, List<DefinitionProblem> problems) {
        if (rule.eventType() == null || rule.eventType().isBlank()) {
            problems.add(new DefinitionProblem(where, "no event type"));
        }
        if (rule.hasCondition()) {
            checkCondition(where, rule.condition(), problems);
        }
    }

    private void checkNode(JourneyNode node, Map<String, JourneyNode> nodes, List<DefinitionProblem> problems) {
        List<String> successors = node.successors();
        for (int i = 0; i < successors.size(); i++) {
            String next = successors.get(i);
            if (next == null || next.isBlank()) {
                problems.add(new DefinitionProblem(node.id(), "branch " + (i + 1) + " has no next node"));
            } else if (!nodes.containsKey(next)) {
                problems.add(new DefinitionProblem(node.id(), "branch " + (i + 1) + " leads to unknown node '"
                        + next + "'"));
            }
        }
        if (node instanceof Stage stage) {
            if (stage.name() == null || stage.name().isBlank()) {
                problems.add(new DefinitionProblem(node.id(), "a stage needs a name"));
            }
            if (stage.expectedTime() != null && !isPositive(stage.expectedTime())) {
                problems.add(new DefinitionProblem(node.id(), "expected time must be positive"));
            }
        } else if (node instanceof WaitDuration wait && !isPositive(wait.duration())) {
            problems.add(new DefinitionProblem(node.id(), "wait duration must be positive"));
        } else if (node instanceof WaitUntilLocalTime wait && wait.time() == null) {
            problems.add(new DefinitionProblem(node.id(), "wait needs a local time of day"));
        } else if (node instanceof WaitForEvent wait) {
            if (wait.eventType() == null || wait.eventType().isBlank()) {
                problems.add(new DefinitionProblem(node.id(), "wait needs the event type it waits for"));
            }
            if (!isPositive(wait.timeout())) {
                problems.add(new DefinitionProblem(node.id(), "wait for an event needs a positive timeout"));
            }
            if (wait.condition() != null && !wait.condition().isBlank()) {
                checkCondition(node.id(), wait.condition(), problems);
            }
        } else if (node instanceof ConditionSplit split) {
            if (split.branches().isEmpty()) {
                problems.add(new DefinitionProblem(node.id(), "a condition split needs at least one condition"));
            }
            for (ConditionBranch branch : split.branches()) {
                checkCondition(node.id(), branch.condition(), problems);
            }
        } else if (node instanceof RandomSplit split) {
            checkWeights(split, problems);
        } else if (node instanceof SendMessage message
                && (message.channel() == null || message.channel().isBlank())) {
            problems.add(new DefinitionProblem(node.id(), "a message needs a channel"));
        } else if (node instanceof RequestNextBestAction request
                && (request.placement() == null || request.placement().isBlank())) {
            problems.add(new DefinitionProblem(node.id(), "a next-best-action request needs a placement"));
        }
    }

    private void checkWeights(RandomSplit split, List<DefinitionProblem> problems) {
        if (split.branches().size() < 2) {
            problems.add(new DefinitionProblem(split.id(), "a random split needs at least two branches"));
        }
        Set<String> variants = new HashSet<>();
        for (WeightedBranch branch : split.branches()) {
            if (branch.weight() <= 0) {
                problems.add(new DefinitionProblem(split.id(), "variant '" + branch.variant()
                        + "' needs a positive weight"));
            }
            if (!variants.add(branch.variant())) {
                problems.add(new DefinitionProblem(split.id(), "variant '" + branch.variant() + "' appears twice"));
            }
        }
    }

    private void checkCondition(String where, String expression, List<DefinitionProblem> problems) {
        if (expression == null || expression.isBlank()) {
            problems.add(new DefinitionProblem(where, "empty condition"));
            return;
        }
        try {
            compiler.compile(expression);
        } catch (ConditionSyntaxException e) {
            problems.add(new DefinitionProblem(where, e.getMessage()));
        }
    }

    private static Set<String> reachableFrom(String start, Map<String, JourneyNode> nodes) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(start));
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (nodes.containsKey(id) && seen.add(id)) {
                for (String next : nodes.get(id).successors()) {
                    if (next != null) {
                        pending.push(next);
                    }
                }
            }
        }
        return seen;
    }

    /** A cycle through pass-through nodes only: depth-first search over the graph with the waits taken out. */
    private static void findWaitFreeCycles(Set<String> reachable, Map<String, JourneyNode> nodes,
                                           List<DefinitionProblem> problems) {
        Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
        Set<String> reported = new HashSet<>();
        for (String root : reachable) {
            if (!nodes.get(root).isWait() && !state.containsKey(root)) {
                visit(root, new ArrayList<>(), state, nodes, reported, problems);
            }
        }
    }

    private static void visit(String id, List<String> path, Map<String, Integer> state,
                              Map<String, JourneyNode> nodes, Set<String> reported, List<DefinitionProblem> problems) {
        state.put(id, 1);
        path.add(id);
        for (String next : nodes.get(id).successors()) {
            JourneyNode target = next == null ? null : nodes.get(next);
            if (target == null || target.isWait()) {
                continue;
            }
            Integer seen = state.get(next);
            if (seen == null) {
                visit(next, path, state, nodes, reported, problems);
            } else if (seen == 1 && reported.add(next)) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
                cycle.add(next);
                problems.add(new DefinitionProblem(next, "cycle " + String.join(" → ", cycle)
                        + " passes no wait, so one event would loop forever"));
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
    }

    /** Backwards from every end node. */
    private static Set<String> nodesThatReachAnEnd(Map<String, JourneyNode> nodes) {
        Map<String, List<String>> predecessors = new HashMap<>();
        Deque<String> pending = new ArrayDeque<>();
        for (JourneyNode node : nodes.values()) {
            for (String next : node.successors()) {
                if (next != null) {
                    predecessors.computeIfAbsent(next, k -> new ArrayList<>()).add(node.id());
                }
            }
            if (node instanceof End) {
                pending.push(node.id());
            }
        }
        Set<String> ending = new HashSet<>();
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (ending.add(id)) {
                predecessors.getOrDefault(id, List.of()).forEach(pending::push);
            }
        }
        return ending;
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
