package org.retailcx.journey.pipeline.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.retailcx.journey.ingest.JourneySources;
import org.retailcx.journey.model.condition.ConditionEvaluationException;
import org.retailcx.journey.model.definition.JourneyEvent;
import org.retailcx.journey.model.definition.JourneyInstance;
import org.retailcx.journey.model.definition.Step;
import org.retailcx.journey.pipeline.definition.JourneyDefinitions;
import org.retailcx.journey.pipeline.definition.JourneyDefinitions.Compiled;
import org.retailcx.journey.pipeline.rule.OrchestrationRules;
import org.retailcx.journey.pipeline.rule.RuleFiring;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.Quarantine;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Runs journeys on the events of a promoted batch, in the promotion's transaction (for a consumed event: the inbox
 * transaction), so that each event advances each journey exactly once: customers named by other services' customer
 * events become known (with the attributes clv tells; a digital step alone does not make a customer known, the CRM
 * or a bank domain does), won deals become conversions, and then every event, in arrival order,
 * moves the customer's running instances (goals, exits, the wait they rest at) and may start the published journeys
 * it triggers. A condition that fails on an event (a field the event lacks) skips that journey for that event, with a
 * warning and the {@code retailcx.journey.condition-errors} counter; it does not hold up the others.
 */
@ApplicationScoped
public class JourneyRuntime implements BronzeListener {

    private static final Logger LOG = Logger.getLogger(JourneyRuntime.class);
    private static final String VALID = Quarantine.notQuarantined(JourneySources.EVENTS);

    private final JourneyDefinitions definitions;
    private final InstanceStore store;
    private final StepWriter writer;
    private final OrchestrationRules rules;
    private final RuleFiring firing;
    private final MeterRegistry registry;

    public JourneyRuntime(JourneyDefinitions definitions, InstanceStore store, StepWriter writer,
            OrchestrationRules rules, RuleFiring firing, MeterRegistry registry) {
        this.definitions = definitions;
        this.store = store;
        this.writer = writer;
        this.rules = rules;
        this.firing = firing;
        this.registry = registry;
    }

    @Override
    public String source() {
        return JourneySources.EVENTS.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return tx.preparedQuery("""
                insert into silver.journey_customer (customer_id, attributes)
                select distinct on (customer_id) customer_id, coalesce(customer_attributes, '{}')
                from bronze.retail_journey_events b
                where b.batch_id = any($1) and b.subject_type = 'customer' and b.event_id is not null and %s
                order by customer_id, bronze_id desc
                on conflict (customer_id) do update
                    set attributes = silver.journey_customer.attributes || excluded.attributes, updated_at = now()
                """.formatted(VALID)).execute(batches.tuple())
                .chain(() -> tx.preparedQuery("""
                        insert into silver.journey_conversion (conversion_id, customer_id, event_type, converted_at,
                            value, bronze_id)
                        select distinct on (source_record_id) source_record_id, customer_id, event_type,
                            coalesce(occurred_at, received_at), conversion_value, bronze_id
                        from bronze.retail_journey_events b
                        where b.batch_id = any($1) and b.conversion_value is not null and %s
                        order by source_record_id, bronze_id desc
                        on conflict (conversion_id) do update set value = excluded.value,
                            converted_at = excluded.converted_at, bronze_id = excluded.bronze_id
                        """.formatted(VALID)).execute(batches.tuple()))
                .chain(() -> tx.preparedQuery("""
                        select coalesce(event_id, source_system || '/' || source_record_id) as journey_event_id,
                            event_type, customer_id, coalesce(occurred_at, received_at) as occurred_at, data::text
                        from bronze.retail_journey_events b
                        where b.batch_id = any($1) and %s order by bronze_id""".formatted(VALID))
                        .execute(batches.tuple()))
                .chain(rows -> {
                    List<JourneyEvent> events = new ArrayList<>();
                    List<String> subjects = new ArrayList<>();
                    Set<String> types = new HashSet<>();
                    for (Row r : rows) {
                        events.add(new JourneyEvent(r.getString(0), r.getString(1),
                                r.getOffsetDateTime(3).toInstant(), CelValues.map(r.getString(4))));
                        subjects.add(r.getString(2));
                        types.add(r.getString(1));
                    }
                    return definitions.publishedFor(tx, List.copyOf(types))
                            .chain(published -> rules.active(tx).map(RuleFiring.Rules::of)
                                    .chain(active -> Multi.createFrom().range(0, events.size())
                                            .onItem().transformToUniAndConcatenate(n -> advance(tx, subjects.get(n),
                                                    events.get(n), published, active))
                                            .collect().asList()))
                            .map(queued -> queued.stream().mapToInt(Integer::intValue).sum());
                });
    }

    /**
     * One event for one customer: running instances first, then entries, then the orchestration rules (entries and
     * rules judged on the instances before the event).
     */
    private Uni<Integer> advance(SqlConnection tx, String customerId, JourneyEvent event, List<Compiled> published,
            RuleFiring.Rules active) {
        return store.customer(tx, customerId).chain(customer -> store.instancesOf(tx, customerId)
                .chain(instances -> {
                    List<Uni<Integer>> work = new ArrayList<>();
                    for (JourneyInstance instance : instances) {
                        if (!instance.status().isFinished()) {
                            work.add(definitions.version(tx, instance.journeyKey(), instance.version())
                                    .chain(c -> {
                                        Step step = guarded(c, event, () -> c.machine().onEvent(instance, event,
                                                customer.context()));
                                        return step == null || step.isIgnored() ? Uni.createFrom().item(0)
                                                : writer.write(tx, c.definition(), instance, step, event.eventId());
                                    }));
                        }
                    }
                    for (Compiled c : published) {
                        if (!c.definition().entry().eventType().equals(event.type())) {
                            continue;
                        }
                        String key = c.definition().key();
                        List<JourneyInstance> previous = instances.stream()
                                .filter(i -> i.journeyKey().equals(key)).toList();
                        JourneyInstance latest = previous.isEmpty() ? null : previous.get(previous.size() - 1);
                        String instanceId = key + "@" + c.definition().version() + "/" + customerId + "/"
                                + (previous.size() + 1);
                        work.add(Uni.createFrom().deferred(() -> {
                            Step step = guarded(c, event, () -> c.machine().enter(instanceId, event,
                                    customer.context(), customer.known(), latest));
                            return step == null || step.isIgnored() ? Uni.createFrom().item(0)
                                    : writer.write(tx, c.definition(), null, step, event.eventId());
                        }));
                    }
                    work.add(Uni.createFrom().deferred(() -> firing.judge(tx, active, customer.context(), event,
                            instances)));
                    return Multi.createFrom().iterable(work).onItem().transformToUniAndConcatenate(u -> u)
                            .collect().asList().map(q -> q.stream().mapToInt(Integer::intValue).sum());
                }));
    }

    private Step guarded(Compiled c, JourneyEvent event, java.util.function.Supplier<Step> step) {
        try {
            return step.get();
        } catch (ConditionEvaluationException e) {
            registry.counter("retailcx.journey.condition-errors", "journey", c.definition().key()).increment();
            LOG.warnf("journey %s v%d skipped event %s (%s): %s", c.definition().key(), c.definition().version(),
                    event.eventId(), event.type(), e.getMessage());
            return null;
        }
    }
}
