package org.retailcx.journey.pipeline.runtime;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.retailcx.journey.model.definition.AbandonmentDetector;
import org.retailcx.journey.model.definition.CustomerContext;
import org.retailcx.journey.model.definition.JourneyDefinition;
import org.retailcx.journey.model.definition.JourneyInstance;
import org.retailcx.journey.model.definition.JourneyInstance.InstanceStatus;
import org.retailcx.journey.model.definition.Transition;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Journey instances, their transitions and customers' contexts in silver, read and written in the caller's tx. */
@ApplicationScoped
public class InstanceStore {

    static final String COLUMNS = """
            instance_id, customer_id, journey_id, journey_version, status, entered_at, current_node, node_entered_at,
            current_stage, stage_entry_timestamp, pending_timer_id, timer_node, timer_fire_at, processed_event_ids,
            sequence, recovery_attempts""";

    private final ZoneId defaultZone;

    public InstanceStore(@ConfigProperty(name = "retailcx.journey.default-zone", defaultValue = "UTC") ZoneId zone) {
        this.defaultZone = zone;
    }

    /** A customer as conditions see them, and whether the suite knows them. */
    public record Customer(CustomerContext context, boolean known) {
    }

    public Uni<Customer> customer(SqlConnection tx, String customerId) {
        return tx.preparedQuery("select time_zone, attributes::text from silver.journey_customer where customer_id = $1")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return new Customer(new CustomerContext(customerId, defaultZone, java.util.Map.of()), false);
                    }
                    Row r = rows.iterator().next();
                    ZoneId zone = r.getString(0) == null ? defaultZone : ZoneId.of(r.getString(0));
                    return new Customer(new CustomerContext(customerId, zone, CelValues.map(r.getString(1))), true);
                });
    }

    /** Every instance of the customer, oldest first. */
    public Uni<List<JourneyInstance>> instancesOf(SqlConnection tx, String customerId) {
        return tx.preparedQuery("select " + COLUMNS
                + " from silver.retail_journey_state_real_time where customer_id = $1 order by entered_at, instance_id")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    List<JourneyInstance> out = new ArrayList<>();
                    rows.forEach(r -> out.add(instance(r)));
                    return out;
                });
    }

    static JourneyInstance instance(Row r) {
        String timerId = r.getString("pending_timer_id");
        JourneyInstance.Timer timer = timerId == null ? null
                : new JourneyInstance.Timer(timerId, r.getString("timer_node"), instant(r, "timer_fire_at"));
        return new JourneyInstance(r.getString("instance_id"), r.getString("customer_id"), r.getString("journey_id"),
                r.getInteger("journey_version"), InstanceStatus.valueOf(r.getString("status")),
                instant(r, "entered_at"), r.getString("current_node"), instant(r, "node_entered_at"),
                r.getString("current_stage"), instant(r, "stage_entry_timestamp"), timer,
                Set.of(r.getArrayOfStrings("processed_event_ids")), r.getLong("sequence"),
                r.getInteger("recovery_attempts"));
    }

    /**
     * Writes the instance after a step, with the step's transitions (caused by {@code cause}), each with the stage
     * the instance was in when it happened. {@code stageBefore} is the stage before the step (null on entry).
     */
    public Uni<Void> save(SqlConnection tx, JourneyDefinition definition, String stageBefore, JourneyInstance i,
            List<Transition> transitions, String cause, String lastAction) {
        Instant abandonDue = AbandonmentDetector.dueAt(definition, i).orElse(null);
        JourneyInstance.Timer timer = i.pendingTimer();
        Tuple row = Tuple.from(new Object[] { i.instanceId(), i.customerId(), i.journeyKey(), i.version(),
                i.status().name(), time(i.enteredAt()), i.currentNode(), time(i.nodeEnteredAt()), i.currentStage(),
                time(i.stageEnteredAt()), timer == null ? null : timer.timerId(), timer == null ? null : timer.nodeId(),
                timer == null ? null : time(timer.fireAt()), i.processedEventIds().toArray(String[]::new),
                i.sequence(), i.recoveryAttempts(), time(abandonDue), lastAction,
                i.status().isFinished() ? time(transitions.get(transitions.size() - 1).at()) : null });
        Uni<Void> instance = tx.preparedQuery("""
                insert into silver.retail_journey_state_real_time (instance_id, customer_id, journey_id,
                    journey_version, status, entered_at, current_node, node_entered_at, current_stage,
                    stage_entry_timestamp, pending_timer_id, timer_node, timer_fire_at, processed_event_ids, sequence,
                    recovery_attempts, abandon_due_at, next_best_action, finished_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
                on conflict (instance_id) do update set status = excluded.status,
                    current_node = excluded.current_node, node_entered_at = excluded.node_entered_at,
                    current_stage = excluded.current_stage, stage_entry_timestamp = excluded.stage_entry_timestamp,
                    pending_timer_id = excluded.pending_timer_id, timer_node = excluded.timer_node,
                    timer_fire_at = excluded.timer_fire_at, processed_event_ids = excluded.processed_event_ids,
                    sequence = excluded.sequence, recovery_attempts = excluded.recovery_attempts,
                    abandon_due_at = excluded.abandon_due_at,
                    next_best_action = coalesce(excluded.next_best_action,
                        silver.retail_journey_state_real_time.next_best_action),
                    finished_at = excluded.finished_at, updated_at = now()""")
                .execute(row).replaceWithVoid();
        if (transitions.isEmpty()) {
            return instance;
        }
        List<Tuple> rows = new ArrayList<>();
        String stage = stageBefore;
        for (int n = 0; n < transitions.size(); n++) {
            Transition t = transitions.get(n);
            if (t.kind() == Transition.Kind.STAGE_ENTERED) {
                stage = t.fromNode();
            }
            rows.add(Tuple.from(new Object[] { i.instanceId(), i.sequence(), n, t.kind().name(), t.fromNode(),
                    t.toNode(), stage, t.detail(), cause, time(t.at()) }));
        }
        return instance.chain(() -> tx.preparedQuery("""
                insert into silver.journey_transition (instance_id, step, ord, kind, from_node, to_node, stage, detail,
                    cause, occurred_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""").executeBatch(rows)).replaceWithVoid();
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
