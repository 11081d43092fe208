package org.retailcx.sales.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventType;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Queues the events a batch of opportunity versions implies, read from the silver change history (so quarantined
 * versions announce nothing): created (first valid version), stage-changed (each version that changes the stage),
 * closed-won (the first win only: clv-service must not count a sale twice) and closed-lost (with the reason).
 * Only history rows of versions in this batch are announced, and each once: the ledger
 * {@code silver.retail_sales_opportunity_announced} decides, so a re-sent identical version (no history row) or a
 * late older version re-announces nothing. Set-based: one ledger insert, then one outbox insert per event type
 * (benchmark batches carry hundreds of thousands of changes).
 */
@ApplicationScoped
public class OpportunityEvents implements BronzeListener {

    private static final String LEDGER = """
            with h as (
              select h.opportunity_id, h.bronze_id, h.changed_at, h.stage_from, h.stage_to
              from silver.retail_sales_opportunity_history h
              join bronze.retail_sales_opportunities b on b.bronze_id = h.bronze_id
              where b.batch_id = any($1)),
            candidates as (
              select 'created' as event, 0::bigint as version, h.* from h where stage_from is null
              union all
              select 'stage-changed', h.bronze_id, h.* from h where stage_from is not null and stage_from <> stage_to
              union all
              select 'closed-won', 0, h.* from h where stage_to = 'Closed Won' and stage_from is distinct from stage_to
              union all
              select 'closed-lost', h.bronze_id, h.* from h where stage_to = 'Closed Lost'
                                                            and stage_from is distinct from stage_to),
            firsts as (
              select distinct on (opportunity_id, event, version) * from candidates
              order by opportunity_id, event, version, changed_at, bronze_id)
            insert into silver.retail_sales_opportunity_announced (opportunity_id, event, version_bronze_id, batch_id,
                bronze_id)
            select opportunity_id, event, version, ($1::uuid[])[1], bronze_id from firsts
            on conflict do nothing""";

    /** The announced rows of one event kind in this batch, with the version and its history row; %s = data. */
    private static final String ROWS = """
            select a.opportunity_id as subject, b.account_id as record_key, jsonb_strip_nulls(%s) as data
            from silver.retail_sales_opportunity_announced a
            join bronze.retail_sales_opportunities b on b.bronze_id = a.bronze_id
            join silver.retail_sales_opportunity_history h on h.opportunity_id = a.opportunity_id
                                                          and h.bronze_id = a.bronze_id
            join silver.retail_sales_opportunity_golden g on g.opportunity_id = a.opportunity_id
            where a.batch_id = any($1) and a.event = '%s'
            order by h.changed_at, h.bronze_id""";

    private record Kind(EventType<?> type, String event, String data) {
    }

    /** In the order a consumer should see them for one opportunity changed by one version. */
    private static final List<Kind> KINDS = List.of(
            new Kind(EventCatalog.SALES_OPPORTUNITY_CREATED, "created", """
                    jsonb_build_object('opportunityId', a.opportunity_id, 'customerId', b.account_id,
                        'ownerId', b.owner_id, 'leadId', b.lead_id, 'stage', h.stage_to, 'amount', b.amount,
                        'currency', coalesce(b.currency, 'EUR'), 'probability', h.probability_to,
                        'expectedCloseDate', b.expected_close_date, 'product', b.product_interest,
                        'leadSource', b.lead_source, 'campaignId', b.campaign_id, 'createdDate', g.created_date)"""),
            new Kind(EventCatalog.SALES_OPPORTUNITY_STAGE_CHANGED, "stage-changed", """
                    jsonb_build_object('opportunityId', a.opportunity_id, 'customerId', b.account_id,
                        'ownerId', b.owner_id, 'fromStage', h.stage_from, 'toStage', h.stage_to, 'amount', b.amount,
                        'currency', coalesce(b.currency, 'EUR'), 'probability', h.probability_to,
                        'expectedCloseDate', b.expected_close_date, 'product', b.product_interest,
                        'changedAt', to_char(h.changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))"""),
            new Kind(EventCatalog.SALES_OPPORTUNITY_CLOSED_WON, "closed-won", """
                    jsonb_build_object('opportunityId', a.opportunity_id, 'customerId', b.account_id,
                        'ownerId', b.owner_id, 'product', b.product_interest, 'amount', b.amount,
                        'currency', coalesce(b.currency, 'EUR'),
                        'closeDate', (h.changed_at at time zone 'UTC')::date, 'campaignId', b.campaign_id)"""),
            new Kind(EventCatalog.SALES_OPPORTUNITY_CLOSED_LOST, "closed-lost", """
                    jsonb_build_object('opportunityId', a.opportunity_id, 'customerId', b.account_id,
                        'ownerId', b.owner_id, 'product', b.product_interest, 'amount', b.amount,
                        'currency', coalesce(b.currency, 'EUR'),
                        'closeDate', (h.changed_at at time zone 'UTC')::date, 'reason', b.loss_reason,
                        'competitiveThreat', b.competitive_threat)"""));

    private final Outbox outbox;

    public OpportunityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String source() {
        return SalesSources.OPPORTUNITIES.name();
    }

    /** After silver (100) and gold (200–399). */
    @Override
    public int order() {
        return 500;
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        Tuple batch = batches.tuple();
        return tx.preparedQuery(LEDGER).execute(batch)
                .chain(() -> Multi.createFrom().iterable(KINDS)
                        .onItem().transformToUniAndConcatenate(kind -> outbox.appendAll(tx, kind.type(),
                                ROWS.formatted(kind.data(), kind.event()), batch))
                        .collect().asList())
                .map(counts -> counts.stream().mapToInt(Long::intValue).sum());
    }
}
