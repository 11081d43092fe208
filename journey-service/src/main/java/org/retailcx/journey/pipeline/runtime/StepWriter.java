package org.retailcx.journey.pipeline.runtime;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.journey.events.JourneyAnnouncements;
import org.retailcx.journey.model.definition.ActionRequest;
import org.retailcx.journey.model.definition.JourneyDefinition;
import org.retailcx.journey.model.definition.JourneyInstance;
import org.retailcx.journey.model.definition.Step;
import org.retailcx.journey.model.definition.Transition;
import org.retailcx.journey.pipeline.contact.ActionDispatcher;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Makes one state-machine step durable, in the caller's transaction: the instance and its transitions, the
 * abandonment record (opened on abandonment, closed on recovery), the actions requested and the events announcing
 * them. @return the number of events queued
 */
@ApplicationScoped
public class StepWriter {

    private final InstanceStore store;
    private final JourneyAnnouncements announcements;
    private final ActionDispatcher actions;

    public StepWriter(InstanceStore store, JourneyAnnouncements announcements, ActionDispatcher actions) {
        this.store = store;
        this.announcements = announcements;
        this.actions = actions;
    }

    public Uni<Integer> write(SqlConnection tx, JourneyDefinition definition, JourneyInstance before, Step step,
            String cause) {
        JourneyInstance after = step.instance();
        String stageBefore = before == null ? null : before.currentStage();
        List<ActionRequest> requested = step.actions();
        String lastAction = requested.isEmpty() ? null : requested.get(requested.size() - 1).content();
        return store.save(tx, definition, stageBefore, after, step.transitions(), cause, lastAction)
                .chain(() -> abandonments(tx, after, step.transitions()))
                .chain(() -> announcements.announce(tx, definition, stageBefore, after, step.transitions()))
                .chain(announced -> Multi.createFrom().iterable(requested)
                        .onItem().transformToUniAndConcatenate(a -> actions.request(tx, after.journeyKey(),
                                after.instanceId(), a))
                        .collect().asList()
                        .map(queued -> announced + queued.stream().mapToInt(Integer::intValue).sum()));
    }

    private static Uni<Void> abandonments(SqlConnection tx, JourneyInstance i, List<Transition> transitions) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Transition t : transitions) {
            if (t.kind() == Transition.Kind.ABANDONED) {
                done = done.chain(() -> tx.preparedQuery("""
                        insert into silver.retail_journey_abandonment (instance_id, abandonment_timestamp, journey_id,
                            journey_version, customer_id, journey_type, abandonment_stage, abandonment_reason,
                            recovery_attempt_count)
                        values ($1, $2, $3, $4, $5, $3, $6, $7, $8)""")
                        .execute(Tuple.from(new Object[] { i.instanceId(), InstanceStore.time(t.at()), i.journeyKey(),
                                i.version(), i.customerId(), i.currentStage(), t.detail(), i.recoveryAttempts() }))
                        .replaceWithVoid());
            } else if (t.kind() == Transition.Kind.RECOVERED) {
                done = done.chain(() -> tx.preparedQuery("""
                        update silver.retail_journey_abandonment set recovered_at = $2
                        where instance_id = $1 and recovered_at is null""")
                        .execute(Tuple.of(i.instanceId(), InstanceStore.time(t.at()))).replaceWithVoid());
            }
        }
        // recovery attempts are the actions sent while abandoned: keep the open record's count current
        return done.chain(() -> tx.preparedQuery("""
                update silver.retail_journey_abandonment set recovery_attempt_count = $2
                where instance_id = $1 and recovered_at is null""")
                .execute(Tuple.of(i.instanceId(), i.recoveryAttempts())).replaceWithVoid());
    }
}
