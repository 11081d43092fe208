package org.retailcx.journey.pipeline.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.journey.model.definition.CustomerContext;
import org.retailcx.journey.model.definition.JourneyEvent;
import org.retailcx.journey.model.definition.JourneyInstance;
import org.retailcx.journey.model.rule.OrchestrationRule;
import org.retailcx.journey.model.rule.RuleEngine;
import org.retailcx.journey.model.rule.RuleEngine.Outcome;
import org.retailcx.journey.pipeline.contact.ActionDispatcher;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Judges one event against the active rules, in the event's transaction, for a customer with running journeys (the
 * instances running when the event arrived): every outcome is recorded once per (rule, event), and only an outcome
 * recorded now acts, so a resent event neither counts twice nor fires twice. A firing asks {@link ActionDispatcher}
 * for the rule's action on the customer's latest running instance of the rule's journey type (any, for {@code *}),
 * under the contact rules like any journey action.
 */
@ApplicationScoped
public class RuleFiring {

    private final ActionDispatcher actions;

    public RuleFiring(ActionDispatcher actions) {
        this.actions = actions;
    }

    /** The active rules of one batch. */
    public record Rules(RuleEngine engine, Map<String, OrchestrationRules.Compiled> byId) {

        public static Rules of(List<OrchestrationRules.Compiled> compiled) {
            Map<String, OrchestrationRules.Compiled> byId = new HashMap<>();
            compiled.forEach(c -> byId.put(c.rule().ruleId(), c));
            return new Rules(new RuleEngine(compiled.stream().map(OrchestrationRules.Compiled::rule).toList()), byId);
        }
    }

    /** @return the number of events queued */
    public Uni<Integer> judge(SqlConnection tx, Rules rules, CustomerContext customer, JourneyEvent event,
            List<JourneyInstance> instances) {
        List<JourneyInstance> running = instances.stream().filter(i -> !i.status().isFinished()).toList();
        if (rules.byId().isEmpty() || running.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Set<String> journeys = running.stream().map(JourneyInstance::journeyKey).collect(Collectors.toSet());
        List<Outcome> outcomes = rules.engine().judge(event.asConditionInput(), customer.attributes(), journeys);
        if (outcomes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Object[]> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            OrchestrationRules.Compiled rule = rules.byId().get(o.ruleId());
            JourneyInstance on = o.fired() ? latest(running, rule.rule().journeyType()) : null;
            rows.add(new Object[] { o.ruleId(), rule.version(), on == null ? null : on.instanceId(), o.matched(),
                    o.fired(), o.error(), o.fired() ? actionId(o.ruleId(), event.eventId()) : null });
        }
        return tx.preparedQuery("""
                insert into silver.journey_rule_outcome (rule_id, event_id, rule_version, customer_id, instance_id,
                    matched, fired, error, action_id)
                select r, $2, v, $3, i, m, f, e, a
                from unnest($1::text[], $4::int[], $5::text[], $6::bool[], $7::bool[], $8::text[], $9::text[])
                    as o (r, v, i, m, f, e, a)
                on conflict (rule_id, event_id) do nothing
                returning rule_id, action_id, instance_id""")
                .execute(Tuple.from(new Object[] { column(rows, 0, String[]::new), event.eventId(),
                        customer.customerId(), column(rows, 1, Integer[]::new), column(rows, 2, String[]::new),
                        column(rows, 3, Boolean[]::new), column(rows, 4, Boolean[]::new),
                        column(rows, 5, String[]::new), column(rows, 6, String[]::new) }))
                .chain(inserted -> {
                    List<Uni<Integer>> fired = new ArrayList<>();
                    for (Row r : inserted) {
                        if (r.getString("action_id") == null) {
                            continue;
                        }
                        OrchestrationRules.Compiled rule = rules.byId().get(r.getString("rule_id"));
                        JourneyInstance on = running.stream()
                                .filter(i -> i.instanceId().equals(r.getString("instance_id"))).findFirst().get();
                        fired.add(actions.request(tx, on.journeyKey(), on.instanceId(), rule.action().request(
                                r.getString("action_id"), customer.customerId(), "rule:" + rule.rule().ruleId(),
                                event.occurredAt())));
                    }
                    return Multi.createFrom().iterable(fired).onItem().transformToUniAndConcatenate(u -> u)
                            .collect().asList().map(q -> q.stream().mapToInt(Integer::intValue).sum());
                });
    }

    /** One action per rule and event: a replay finds the id taken. */
    static String actionId(String ruleId, String eventId) {
        return "rule:" + ruleId + "/" + eventId;
    }

    /** The latest running instance of {@code journeyType} ({@code *}: of any journey); instances are oldest first. */
    private static JourneyInstance latest(List<JourneyInstance> running, String journeyType) {
        JourneyInstance latest = null;
        for (JourneyInstance i : running) {
            if (OrchestrationRule.ANY_JOURNEY.equals(journeyType) || i.journeyKey().equals(journeyType)) {
                latest = i;
            }
        }
        return latest;
    }

    private static <T> T[] column(List<Object[]> rows, int n, java.util.function.IntFunction<T[]> array) {
        T[] out = array.apply(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            @SuppressWarnings("unchecked")
            T value = (T) rows.get(i)[n];
            out[i] = value;
        }
        return out;
    }
}
