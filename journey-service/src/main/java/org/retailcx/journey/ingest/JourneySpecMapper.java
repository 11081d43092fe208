package org.retailcx.journey.ingest;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.retailcx.journey.model.definition.EventRule;
import org.retailcx.journey.model.definition.JourneyDefinition;
import org.retailcx.journey.model.definition.JourneyNode;
import org.retailcx.journey.model.definition.ReEntryPolicy;
import org.retailcx.platform.problem.Problem.FieldError;
import org.retailcx.platform.problem.ProblemException;

/**
 * {@link JourneySpec} → {@code JourneyDefinition}. What cannot be read (an unknown node type, a malformed duration)
 * is a 400 naming the field ({@code nodes[2].timeout}); what the graph means is the validator's to judge.
 */
public final class JourneySpecMapper {

    private JourneySpecMapper() {
    }

    /** @throws ProblemException 400 with every unreadable field */
    public static JourneyDefinition toDefinition(String key, int version, JourneySpec spec) {
        List<FieldError> errors = new ArrayList<>();
        List<JourneyNode> nodes = new ArrayList<>();
        for (int i = 0; i < spec.nodes().size(); i++) {
            JourneyNode node = node(spec.nodes().get(i), "nodes[" + i + "].", errors);
            if (node != null) {
                nodes.add(node);
            }
        }
        ReEntryPolicy reEntry = reEntry(spec.reEntry(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new JourneyDefinition(key, version, rule(spec.entry(), "entry"),
                Boolean.TRUE.equals(spec.admitsUnknownCustomers()), spec.start(), nodes, rules(spec.goals(), "goal"),
                rules(spec.exits(), "exit"), reEntry);
    }

    private static EventRule rule(JourneySpec.Rule rule, String defaultName) {
        return new EventRule(rule.name() == null ? defaultName : rule.name(), rule.eventType(), rule.condition());
    }

    private static List<EventRule> rules(List<JourneySpec.Rule> rules, String prefix) {
        List<EventRule> out = new ArrayList<>();
        if (rules != null) {
            for (int i = 0; i < rules.size(); i++) {
                out.add(rule(rules.get(i), prefix + "-" + (i + 1)));
            }
        }
        return out;
    }

    private static JourneyNode node(JourneySpec.Node n, String at, List<FieldError> errors) {
        return switch (n.type()) {
            case "stage" -> new JourneyNode.Stage(n.id(), n.name(), duration(n.expectedTime(), at + "expectedTime",
                    false, errors), n.next());
            case "wait" -> new JourneyNode.WaitDuration(n.id(), duration(n.duration(), at + "duration", true, errors),
                    n.next());
            case "wait-until" -> new JourneyNode.WaitUntilLocalTime(n.id(), localTime(n.localTime(),
                    at + "localTime", errors), n.next());
            case "wait-for-event" -> new JourneyNode.WaitForEvent(n.id(), n.eventType(), n.condition(),
                    duration(n.timeout(), at + "timeout", true, errors), n.onEvent(), n.onTimeout());
            case "condition-split" -> new JourneyNode.ConditionSplit(n.id(), branches(n, at, errors).stream()
                    .map(b -> new JourneyNode.ConditionBranch(b.condition(), b.next())).toList(), n.otherwise());
            case "random-split" -> new JourneyNode.RandomSplit(n.id(), n.experimentKey(), weighted(n, at, errors));
            case "message" -> new JourneyNode.SendMessage(n.id(), n.channel(), n.template(), n.next());
            case "next-best-action" -> new JourneyNode.RequestNextBestAction(n.id(), n.placement(), n.next());
            case "end" -> new JourneyNode.End(n.id());
            default -> {
                errors.add(new FieldError(at + "type", "unknown node type '" + n.type() + "' (stage, wait, wait-until, "
                        + "wait-for-event, condition-split, random-split, message, next-best-action, end)"));
                yield null;
            }
        };
    }

    private static List<JourneySpec.Branch> branches(JourneySpec.Node n, String at, List<FieldError> errors) {
        if (n.branches() == null) {
            errors.add(new FieldError(at + "branches", "a split needs branches"));
            return List.of();
        }
        return n.branches();
    }

    private static List<JourneyNode.WeightedBranch> weighted(JourneySpec.Node n, String at, List<FieldError> errors) {
        List<JourneyNode.WeightedBranch> out = new ArrayList<>();
        List<JourneySpec.Branch> branches = branches(n, at, errors);
        for (int i = 0; i < branches.size(); i++) {
            JourneySpec.Branch b = branches.get(i);
            if (b.variant() == null || b.variant().isBlank() || b.weight() == null) {
                errors.add(new FieldError(at + "branches[" + i + "]", "a random branch needs a variant and a weight"));
            } else {
                out.add(new JourneyNode.WeightedBranch(b.variant(), b.weight(), b.next()));
            }
        }
        return out;
    }

    private static ReEntryPolicy reEntry(JourneySpec.ReEntry spec, List<FieldError> errors) {
        if (spec == null) {
            return ReEntryPolicy.never();
        }
        return switch (spec.mode()) {
            case "never" -> ReEntryPolicy.never();
            case "after-finish" -> ReEntryPolicy.afterFinish();
            case "after-cooldown" -> {
                Duration cooldown = duration(spec.cooldown(), "reEntry.cooldown", true, errors);
                yield cooldown == null ? ReEntryPolicy.never() : ReEntryPolicy.afterCooldown(cooldown);
            }
            default -> {
                errors.add(new FieldError("reEntry.mode", "must be never, after-finish or after-cooldown"));
                yield ReEntryPolicy.never();
            }
        };
    }

    private static Duration duration(String text, String field, boolean required, List<FieldError> errors) {
        if (text == null) {
            if (required) {
                errors.add(new FieldError(field, "is required (an ISO-8601 duration such as P3D or PT2H)"));
            }
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + text + "' is not an ISO-8601 duration such as P3D or PT2H"));
            return null;
        }
    }

    private static LocalTime localTime(String text, String field, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError(field, "is required (a local time such as 09:00)"));
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + text + "' is not a local time such as 09:00"));
            return null;
        }
    }
}
