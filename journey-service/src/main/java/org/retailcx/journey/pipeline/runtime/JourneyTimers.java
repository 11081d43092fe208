package org.retailcx.journey.pipeline.runtime;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.retailcx.journey.model.definition.Abandonment;
import org.retailcx.journey.model.definition.AbandonmentDetector;
import org.retailcx.journey.model.definition.JourneyInstance;
import org.retailcx.journey.model.definition.Step;
import org.retailcx.journey.pipeline.contact.ActionDispatcher;
import org.retailcx.journey.pipeline.definition.JourneyDefinitions;
import org.retailcx.journey.pipeline.gold.JourneyStar;
import org.retailcx.platform.jobs.SingleReplicaJobs;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The durable timers, on one replica at a time ({@link SingleReplicaJobs}): every tick fires the waits that fell
 * due (a timer fires at its own due time, so the step is the same whenever the tick runs), marks instances that
 * stalled past their stage's expected time abandoned, and releases deferred messages whose time came. Timers live in
 * the instance rows ({@code timer_fire_at}, indexed), so a restart loses none; each tick takes at most
 * {@code retailcx.journey.timers.batch} of each kind, oldest first, and the next tick goes on.
 */
@ApplicationScoped
public class JourneyTimers {

    public static final String JOB = "journey.timers";
    private static final Logger LOG = Logger.getLogger(JourneyTimers.class);

    private final SingleReplicaJobs jobs;
    private final JourneyDefinitions definitions;
    private final InstanceStore store;
    private final StepWriter writer;
    private final ActionDispatcher actions;
    private final JourneyStar star;
    private final int batch;

    public JourneyTimers(SingleReplicaJobs jobs, JourneyDefinitions definitions, InstanceStore store,
            StepWriter writer, ActionDispatcher actions, JourneyStar star,
            @ConfigProperty(name = "retailcx.journey.timers.batch", defaultValue = "1000") int batch) {
        this.jobs = jobs;
        this.definitions = definitions;
        this.store = store;
        this.writer = writer;
        this.actions = actions;
        this.star = star;
        this.batch = batch;
    }

    /** What one tick did. */
    public record Tick(int timersFired, int abandoned, int eventsQueued) {
    }

    @Scheduled(every = "${retailcx.journey.timers.interval:1s}", identity = JOB,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return tick().onFailure().invoke(e -> LOG.warnf("journey timer tick failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One tick; empty when another replica is running it. The gold star follows the customers it moved. */
    public Uni<Optional<Tick>> tick() {
        Set<String> moved = new HashSet<>();
        return jobs.runExclusive(JOB, tx -> timers(tx, moved).chain(fired -> abandonments(tx, moved)
                .chain(abandoned -> actions.releaseDue(tx, batch)
                        .chain(released -> star.refresh(tx, moved)
                                .replaceWith(new Tick(fired[0], abandoned[0], fired[1] + abandoned[1] + released))))));
    }

    /** @return {fired, events queued} */
    private Uni<int[]> timers(SqlConnection tx, Set<String> moved) {
        return due(tx, "timer_fire_at <= now() order by timer_fire_at", moved).chain(instances -> each(tx, instances, i ->
                definitions.version(tx, i.journeyKey(), i.version()).chain(c -> store.customer(tx, i.customerId())
                        .chain(customer -> {
                            JourneyInstance.Timer timer = i.pendingTimer();
                            Step step = c.machine().onTimer(i, timer.timerId(), timer.fireAt(), customer.context());
                            return step.isIgnored() ? Uni.createFrom().item(0)
                                    : writer.write(tx, c.definition(), i, step, timer.timerId());
                        }))));
    }

    /** @return {abandoned, events queued} */
    private Uni<int[]> abandonments(SqlConnection tx, Set<String> moved) {
        Instant now = Instant.now();
        return due(tx, "status = 'ACTIVE' and abandon_due_at <= now() order by abandon_due_at", moved)
                .chain(instances -> each(tx, instances, i -> definitions.version(tx, i.journeyKey(), i.version())
                        .chain(c -> {
                            Optional<Abandonment> stalled = AbandonmentDetector.check(c.definition(), i, now);
                            if (stalled.isEmpty()) {
                                return Uni.createFrom().item(0);
                            }
                            Step step = c.machine().abandon(i, stalled.get());
                            return step.isIgnored() ? Uni.createFrom().item(0)
                                    : writer.write(tx, c.definition(), i, step, "abandonment:" + now);
                        })));
    }

    private Uni<List<JourneyInstance>> due(SqlConnection tx, String where, Set<String> moved) {
        return tx.preparedQuery("select " + InstanceStore.COLUMNS + " from silver.retail_journey_state_real_time where "
                + where + " limit $1 for update skip locked")
                .execute(Tuple.of(batch))
                .map(rows -> {
                    List<JourneyInstance> out = new java.util.ArrayList<>();
                    for (Row r : rows) {
                        out.add(InstanceStore.instance(r));
                        moved.add(r.getString("customer_id"));
                    }
                    return out;
                });
    }

    private static Uni<int[]> each(SqlConnection tx, List<JourneyInstance> instances,
            java.util.function.Function<JourneyInstance, Uni<Integer>> work) {
        return Multi.createFrom().iterable(instances).onItem().transformToUniAndConcatenate(i -> work.apply(i)).collect().asList()
                .map(queued -> new int[] { instances.size(), queued.stream().mapToInt(Integer::intValue).sum() });
    }
}
