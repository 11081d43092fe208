package org.retailcx.journey.model.definition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.retailcx.journey.model.LocalClock;
import org.retailcx.journey.model.condition.Condition;
import org.retailcx.journey.model.condition.ConditionCompiler;
import org.retailcx.journey.model.definition.JourneyInstance.InstanceStatus;
import org.retailcx.journey.model.definition.JourneyInstance.Timer;
import org.retailcx.journey.model.definition.JourneyNode.ConditionBranch;
import org.retailcx.journey.model.definition.JourneyNode.ConditionSplit;
import org.retailcx.journey.model.definition.JourneyNode.RandomSplit;
import org.retailcx.journey.model.definition.JourneyNode.RequestNextBestAction;
import org.retailcx.journey.model.definition.JourneyNode.SendMessage;
import org.retailcx.journey.model.definition.JourneyNode.Stage;
import org.retailcx.journey.model.definition.JourneyNode.WaitDuration;
import org.retailcx.journey.model.definition.JourneyNode.WaitForEvent;
import org.retailcx.journey.model.definition.JourneyNode.WaitUntilLocalTime;
import org.retailcx.journey.model.definition.JourneyNode.WeightedBranch;

/**
 * Moves instances of one journey version. Every method is a pure function of its arguments: the same instance and
 * the same event (or timer) give the same step, with the same timer and action ids, and an event id the instance
 * has already processed changes nothing. From the node an event or timer releases, the machine passes through
 * stages, splits and actions until it rests at a wait or an end.
 */
public final class JourneyStateMachine {

    private final JourneyDefinition definition;
    private final Map<String, Condition> conditions = new HashMap<>();

    /** @throws org.retailcx.journey.model.condition.ConditionSyntaxException if a condition does not compile */
    public JourneyStateMachine(JourneyDefinition definition, ConditionCompiler compiler) {
        this.definition = definition;
        List<String> expressions = new ArrayList<>();
        expressions.add(definition.entry().condition());
        definition.goals().forEach(goal -> expressions.add(goal.condition()));
        definition.exits().forEach(exit -> expressions.add(exit.condition()));
        for (JourneyNode node : definition.nodes()) {
            if (node instanceof ConditionSplit split) {
                split.branches().forEach(branch -> expressions.add(branch.condition()));
            } else if (node instanceof WaitForEvent wait) {
                expressions.add(wait.condition());
            }
        }
        for (String expression : expressions) {
            if (expression != null && !expression.isBlank()) {
                conditions.computeIfAbsent(expression, compiler::compile);
            }
        }
    }

    /**
     * Starts an instance if {@code event} triggers the journey for this customer.
     *
     * @param knownCustomer whether the suite knows the customer; unknown ones enter only if the journey admits them
     * @param previous the customer's latest instance of this journey (any version), or {@code null}
     */
    public Step enter(String instanceId, JourneyEvent event, CustomerContext customer, boolean knownCustomer,
                      JourneyInstance previous) {
        if (!event.type().equals(definition.entry().eventType())) {
            return Step.ignored(previous, "event type " + event.type() + " does not trigger " + definition.key());
        }
        if (!knownCustomer && !definition.admitsUnknownCustomers()) {
            return Step.ignored(previous, "journey " + definition.key() + " admits known customers only");
        }
        if (!matches(definition.entry(), event, customer)) {
            return Step.ignored(previous, "entry condition is false");
        }
        String refusal = definition.reEntry().refusal(previous, event.occurredAt());
        if (refusal != null) {
            return Step.ignored(previous, refusal);
        }
        Instant now = event.occurredAt();
        JourneyInstance fresh = new JourneyInstance(instanceId, customer.customerId(), definition.key(),
                definition.version(), InstanceStatus.ACTIVE, now, definition.startNode(), now, null, null, null,
                Set.of(), 0, 0);
        Walk walk = new Walk(fresh, event.eventId(), now);
        walk.transitions.add(new Transition(Transition.Kind.ENTERED, null, definition.startNode(),
                "by " + event.type(), now));
        walk.runFrom(definition.node(definition.startNode()), event, customer);
        return walk.step();
    }

    /** Applies an event to a running instance: goals, then exit criteria, then the wait it rests at. */
    public Step onEvent(JourneyInstance instance, JourneyEvent event, CustomerContext customer) {
        requireVersion(instance);
        if (instance.processedEventIds().contains(event.eventId())) {
            return Step.ignored(instance, "event " + event.eventId() + " was already processed");
        }
        if (instance.status().isFinished()) {
            return Step.ignored(instance, "instance is " + instance.status());
        }
        Instant now = event.occurredAt();
        for (EventRule goal : definition.goals()) {
            if (matches(goal, event, customer)) {
                Walk walk = new Walk(instance, event.eventId(), now);
                walk.finish(InstanceStatus.COMPLETED, Transition.Kind.GOAL_REACHED, goal.name());
                return walk.step();
            }
        }
        for (EventRule exit : definition.exits()) {
            if (matches(exit, event, customer)) {
                Walk walk = new Walk(instance, event.eventId(), now);
                walk.finish(InstanceStatus.EXITED, Transition.Kind.EXITED, exit.name());
                return walk.step();
            }
        }
        JourneyNode resting = definition.node(instance.currentNode());
        if (resting instanceof WaitForEvent wait && wait.eventType().equals(event.type())
                && (wait.condition() == null || wait.condition().isBlank()
                    || conditions.get(wait.condition()).test(event.asConditionInput(), customer.attributes()))) {
            Walk walk = new Walk(instance, event.eventId(), now);
            walk.recoverIfAbandoned();
            walk.timer = null;
            walk.move(wait, wait.onEvent(), "event " + event.type());
            walk.runFrom(definition.node(wait.onEvent()), event, customer);
            return walk.step();
        }
        return Step.ignored(instance, "event " + event.type() + " does not move the instance at " + instance.currentNode());
    }

    /** Fires the instance's pending timer; any other timer id is stale and changes nothing. */
    public Step onTimer(JourneyInstance instance, String timerId, Instant firedAt, CustomerContext customer) {
        requireVersion(instance);
        Timer pending = instance.pendingTimer();
        if (instance.status().isFinished() || pending == null || !pending.timerId().equals(timerId)) {
            return Step.ignored(instance, "timer " + timerId + " is not pending");
        }
        Walk walk = new Walk(instance, timerId, firedAt);
        walk.timer = null;
        JourneyNode resting = definition.node(pending.nodeId());
        String next;
        if (resting instanceof WaitForEvent wait) {
            next = wait.onTimeout();
        } else if (resting instanceof WaitDuration wait) {
            next = wait.next();
        } else if (resting instanceof WaitUntilLocalTime wait) {
            next = wait.next();
        } else {
            throw new IllegalStateException("timer " + timerId + " belongs to non-wait " + resting.id());
        }
        walk.move(resting, next, resting instanceof WaitForEvent ? "timeout" : "timer");
        JourneyEvent noEvent = new JourneyEvent(timerId, "timer", firedAt, Map.of());
        walk.runFrom(definition.node(next), noEvent, customer);
        return walk.step();
    }

    /** Marks a stalled instance abandoned; it stays at its node and recovers when an event moves it. */
    public Step abandon(JourneyInstance instance, Abandonment abandonment) {
        requireVersion(instance);
        if (instance.status() != InstanceStatus.ACTIVE) {
            return Step.ignored(instance, "instance is " + instance.status());
        }
        JourneyInstance abandoned = instance.withStatus(InstanceStatus.ABANDONED);
        return new Step(abandoned, List.of(new Transition(Transition.Kind.ABANDONED, instance.currentNode(),
                instance.currentNode(), abandonment.reason(), abandonment.detectedAt())), List.of(), null);
    }

    private void requireVersion(JourneyInstance instance) {
        if (!instance.journeyKey().equals(definition.key()) || instance.version() != definition.version()) {
            throw new IllegalArgumentException("instance " + instance.instanceId() + " runs " + instance.journeyKey()
                    + " v" + instance.version() + ", not v" + definition.version());
        }
    }

    private boolean matches(EventRule rule, JourneyEvent event, CustomerContext customer) {
        return rule.eventType().equals(event.type())
                && (!rule.hasCondition()
                    || conditions.get(rule.condition()).test(event.asConditionInput(), customer.attributes()));
    }

    /** Deterministic weighted choice: the same customer and experiment always get the same branch. */
    static WeightedBranch choose(String experiment, String customerId, List<WeightedBranch> branches) {
        long total = 0;
        for (WeightedBranch branch : branches) {
            total += branch.weight();
        }
        long bucket = Long.remainderUnsigned(stableHash(experiment + "\u0000" + customerId), total);
        for (WeightedBranch branch : branches) {
            bucket -= branch.weight();
            if (bucket < 0) {
                return branch;
            }
        }
        throw new IllegalStateException("weights of " + experiment + " do not add up");
    }

    private static long stableHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long hash = 0;
            for (int i = 0; i < 8; i++) {
                hash = (hash << 8) | (digest[i] & 0xff);
            }
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The mutable working copy of one step. */
    private final class Walk {

        private final JourneyInstance before;
        private final String cause;
        private final Instant now;
        private final long sequence;
        private final List<Transition> transitions = new ArrayList<>();
        private final List<ActionRequest> actions = new ArrayList<>();
        private InstanceStatus status;
        private String node;
        private Instant nodeEnteredAt;
        private String stage;
        private Instant stageEnteredAt;
        private Timer timer;
        private int recoveryAttempts;

        Walk(JourneyInstance before, String cause, Instant now) {
            this.before = before;
            this.cause = cause;
            this.now = now;
            this.sequence = before.sequence() + 1;
            this.status = before.status();
            this.node = before.currentNode();
            this.nodeEnteredAt = before.nodeEnteredAt();
            this.stage = before.currentStage();
            this.stageEnteredAt = before.stageEnteredAt();
            this.timer = before.pendingTimer();
            this.recoveryAttempts = before.recoveryAttempts();
        }

        void recoverIfAbandoned() {
            if (status == InstanceStatus.ABANDONED) {
                status = InstanceStatus.ACTIVE;
                transitions.add(new Transition(Transition.Kind.RECOVERED, node, node, "at " + stage, now));
            }
        }

        void finish(InstanceStatus finalStatus, Transition.Kind kind, String detail) {
            status = finalStatus;
            timer = null;
            transitions.add(new Transition(kind, node, null, detail, now));
        }

        String move(JourneyNode from, String to, String detail) {
            transitions.add(new Transition(Transition.Kind.MOVED, from.id(), to, detail, now));
            node = to;
            nodeEnteredAt = now;
            return to;
        }

        /** Passes through nodes until a wait or an end; the validator rules out wait-free cycles. */
        void runFrom(JourneyNode start, JourneyEvent event, CustomerContext customer) {
            JourneyNode current = start;
            int budget = definition.nodes().size() + 1;
            while (budget-- > 0) {
                String next;
                if (current instanceof Stage stageNode) {
                    stage = stageNode.id();
                    stageEnteredAt = now;
                    transitions.add(new Transition(Transition.Kind.STAGE_ENTERED, stageNode.id(), stageNode.id(),
                            stageNode.name(), now));
                    next = move(stageNode, stageNode.next(), "next");
                } else if (current instanceof SendMessage message) {
                    actions.add(new ActionRequest(actionId(message), ActionRequest.Type.MESSAGE, before.customerId(),
                            message.id(), message.channel(), message.template(), now));
                    next = move(message, message.next(), "next");
                } else if (current instanceof RequestNextBestAction request) {
                    actions.add(new ActionRequest(actionId(request), ActionRequest.Type.NEXT_BEST_ACTION,
                            before.customerId(), request.id(), null, request.placement(), now));
                    next = move(request, request.next(), "next");
                } else if (current instanceof ConditionSplit split) {
                    next = branch(split, event, customer);
                } else if (current instanceof RandomSplit split) {
                    String experiment = split.experimentKey() != null && !split.experimentKey().isBlank()
                            ? split.experimentKey() : definition.key() + "/" + split.id();
                    WeightedBranch chosen = choose(experiment, before.customerId(), split.branches());
                    next = move(split, chosen.next(), "variant " + chosen.variant());
                } else if (current instanceof WaitDuration wait) {
                    rest(wait, now.plus(wait.duration()));
                    return;
                } else if (current instanceof WaitUntilLocalTime wait) {
                    rest(wait, LocalClock.nextOccurrence(now, customer.zone(), wait.time()));
                    return;
                } else if (current instanceof WaitForEvent wait) {
                    rest(wait, now.plus(wait.timeout()));
                    return;
                } else {
                    status = InstanceStatus.ENDED;
                    timer = null;
                    transitions.add(new Transition(Transition.Kind.ENDED, current.id(), null, "end", now));
                    return;
                }
                current = definition.node(next);
            }
            throw new IllegalStateException("no wait reached from " + start.id() + "; was the definition validated?");
        }

        private String branch(ConditionSplit split, JourneyEvent event, CustomerContext customer) {
            for (int i = 0; i < split.branches().size(); i++) {
                ConditionBranch branch = split.branches().get(i);
                if (conditions.get(branch.condition()).test(event.asConditionInput(), customer.attributes())) {
                    return move(split, branch.next(), "branch " + (i + 1) + ": " + branch.condition());
                }
            }
            return move(split, split.otherwise(), "otherwise");
        }

        private void rest(JourneyNode wait, Instant fireAt) {
            timer = new Timer(before.instanceId() + "/timer/" + sequence, wait.id(), fireAt);
            transitions.add(new Transition(Transition.Kind.WAITING, wait.id(), wait.id(), "until " + fireAt, now));
        }

        private String actionId(JourneyNode node) {
            if (status == InstanceStatus.ABANDONED) {
                recoveryAttempts++; // an action reaching a customer who stalled is an attempt to win them back
            }
            return before.instanceId() + "/action/" + sequence + "/" + node.id();
        }

        Step step() {
            Set<String> processed = new HashSet<>(before.processedEventIds());
            processed.add(cause);
            JourneyInstance after = new JourneyInstance(before.instanceId(), before.customerId(), before.journeyKey(),
                    before.version(), status, before.enteredAt(), node, nodeEnteredAt, stage, stageEnteredAt, timer,
                    processed, sequence, recoveryAttempts);
            return new Step(after, transitions, actions, null);
        }
    }
}
