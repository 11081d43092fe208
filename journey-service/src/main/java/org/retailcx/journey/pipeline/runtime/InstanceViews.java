package org.retailcx.journey.pipeline.runtime;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.api.Page;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Read side of the runtime: a customer's journeys with their transitions and actions; abandonments. */
@ApplicationScoped
public class InstanceViews {

    @RegisterForReflection
    public record TransitionView(long step, String kind, String fromNode, String toNode, String stage, String detail,
            String cause, OffsetDateTime at) {
    }

    @RegisterForReflection
    public record ActionView(String actionId, String nodeId, String type, String channel, String content,
            String status, OffsetDateTime requestedAt, OffsetDateTime dueAt, OffsetDateTime releasedAt,
            String reason) {
    }

    @RegisterForReflection
    public record InstanceView(String instanceId, String customerId, String journeyKey, int journeyVersion,
            String status, OffsetDateTime enteredAt, String currentNode, String currentStage,
            OffsetDateTime stageEnteredAt, OffsetDateTime timerFireAt, OffsetDateTime abandonDueAt,
            int recoveryAttempts, OffsetDateTime finishedAt, List<TransitionView> transitions,
            List<ActionView> actions) {
    }

    @RegisterForReflection
    public record AbandonmentView(long id, String instanceId, String customerId, String journeyKey,
            int journeyVersion, String stage, OffsetDateTime abandonedAt, String reason, int recoveryAttempts,
            OffsetDateTime recoveredAt) {
    }

    private final Pool pool;

    public InstanceViews(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<InstanceView>> ofCustomer(String customerId) {
        return pool.withConnection(c -> c.preparedQuery("""
                select instance_id, customer_id, journey_id, journey_version, status, entered_at, current_node,
                    current_stage, stage_entry_timestamp, timer_fire_at, abandon_due_at, recovery_attempts, finished_at
                from silver.retail_journey_state_real_time where customer_id = $1 order by entered_at, instance_id""")
                .execute(Tuple.of(customerId))
                .chain(instances -> c.preparedQuery("""
                        select t.instance_id, step, kind, from_node, to_node, stage, detail, cause, occurred_at
                        from silver.journey_transition t
                        join silver.retail_journey_state_real_time i using (instance_id)
                        where i.customer_id = $1 order by t.instance_id, t.transition_id""").execute(Tuple.of(customerId))
                        .chain(transitions -> c.preparedQuery("""
                                select instance_id, action_id, node_id, action_type, channel, content, status,
                                    requested_at, due_at, released_at, reason
                                from silver.journey_action where customer_id = $1
                                order by instance_id, requested_at, action_id""").execute(Tuple.of(customerId))
                                .map(actions -> {
                                    Map<String, List<TransitionView>> byInstance = new LinkedHashMap<>();
                                    for (Row t : transitions) {
                                        byInstance.computeIfAbsent(t.getString(0), k -> new ArrayList<>())
                                                .add(new TransitionView(t.getLong(1), t.getString(2), t.getString(3),
                                                        t.getString(4), t.getString(5), t.getString(6),
                                                        t.getString(7), t.getOffsetDateTime(8)));
                                    }
                                    Map<String, List<ActionView>> actionsOf = new LinkedHashMap<>();
                                    for (Row a : actions) {
                                        actionsOf.computeIfAbsent(a.getString(0), k -> new ArrayList<>())
                                                .add(new ActionView(a.getString(1), a.getString(2), a.getString(3),
                                                        a.getString(4), a.getString(5), a.getString(6),
                                                        a.getOffsetDateTime(7), a.getOffsetDateTime(8),
                                                        a.getOffsetDateTime(9), a.getString(10)));
                                    }
                                    List<InstanceView> out = new ArrayList<>();
                                    for (Row i : instances) {
                                        String id = i.getString(0);
                                        out.add(new InstanceView(id, i.getString(1), i.getString(2), i.getInteger(3),
                                                i.getString(4), i.getOffsetDateTime(5), i.getString(6),
                                                i.getString(7), i.getOffsetDateTime(8), i.getOffsetDateTime(9),
                                                i.getOffsetDateTime(10), i.getInteger(11), i.getOffsetDateTime(12),
                                                byInstance.getOrDefault(id, List.of()),
                                                actionsOf.getOrDefault(id, List.of())));
                                    }
                                    return out;
                                }))));
    }

    /** Abandonments in the order they were detected, optionally of one journey, paginated by cursor. */
    public Uni<Page<AbandonmentView>> abandonments(String journeyKey, int limit, String cursor) {
        long after = Page.afterId(cursor);
        return pool.preparedQuery("""
                select abandonment_id, instance_id, customer_id, journey_id, journey_version, abandonment_stage,
                    abandonment_timestamp, abandonment_reason, recovery_attempt_count, recovered_at
                from silver.retail_journey_abandonment
                where ($1::text is null or journey_id = $1) and abandonment_id > $2
                order by abandonment_id limit $3""")
                .execute(Tuple.of(journeyKey, after, limit + 1))
                .map(rows -> {
                    List<AbandonmentView> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new AbandonmentView(r.getLong(0), r.getString(1), r.getString(2), r.getString(3),
                                r.getInteger(4), r.getString(5), r.getOffsetDateTime(6), r.getString(7),
                                r.getInteger(8), r.getOffsetDateTime(9)));
                    }
                    return Page.of(out, limit, v -> Long.toString(v.id()));
                });
    }
}
