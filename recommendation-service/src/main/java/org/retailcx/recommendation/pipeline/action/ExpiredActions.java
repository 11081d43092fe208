package org.retailcx.recommendation.pipeline.action;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.jobs.SingleReplicaJobs;
import org.retailcx.schema.EventCatalog;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Announces each issued action that reached its expiry unaccepted ({@code next-best-action.expired}), once: every
 * {@code retailcx.recommendation.nba.expiry-sweep} (default 60 s, {@code off} disables it) one replica
 * ({@link SingleReplicaJobs}) queues the events of the actions expired by then and not yet recorded, and records them
 * in {@code silver.next_best_action_expiry}, in one transaction.
 */
@ApplicationScoped
public class ExpiredActions {

    public static final String JOB = "recommendation.nba-expiry";
    private static final Logger LOG = Logger.getLogger(ExpiredActions.class);

    private static final String EXPIRED = """
            from bronze.retail_next_best_action n
            where n.expiry <= $1
              and not exists (select 1 from silver.next_best_action_acceptance a where a.action_id = n.action_id)
              and not exists (select 1 from silver.next_best_action_expiry e where e.action_id = n.action_id)""";

    private final SingleReplicaJobs jobs;
    private final Outbox outbox;

    public ExpiredActions(SingleReplicaJobs jobs, Outbox outbox) {
        this.jobs = jobs;
        this.outbox = outbox;
    }

    @Scheduled(every = "${retailcx.recommendation.nba.expiry-sweep:60s}", identity = JOB,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep(OffsetDateTime.now(ZoneOffset.UTC))
                .invoke(n -> n.filter(count -> count > 0)
                        .ifPresent(count -> LOG.infof("%d next-best-actions expired unaccepted", count)))
                .onFailure().invoke(e -> LOG.warnf("next-best-action expiry sweep failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** The actions expired by {@code asOf}, announced once; empty when another replica is sweeping. */
    public Uni<Optional<Long>> sweep(OffsetDateTime asOf) {
        return jobs.runExclusive(JOB, tx -> outbox.appendAll(tx, EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_EXPIRED, """
                select n.action_id as subject, n.customer_id as record_key, jsonb_strip_nulls(jsonb_build_object(
                    'issueId', n.action_id, 'actionId', n.catalogue_action_id, 'customerId', n.customer_id,
                    'channel', n.channel, 'productId', n.product_id, 'issuedAt', n.issued_at,
                    'expiry', n.expiry)) as data
                """ + EXPIRED + " order by n.expiry, n.action_id", Tuple.of(asOf))
                .call(() -> tx.preparedQuery("insert into silver.next_best_action_expiry (action_id, expired_at)"
                        + " select n.action_id, n.expiry " + EXPIRED).execute(Tuple.of(asOf))));
    }
}
