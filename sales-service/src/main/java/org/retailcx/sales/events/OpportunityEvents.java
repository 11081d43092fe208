package org.retailcx.sales.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.Outbox;
import org.retailcx.sales.ingest.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.sales.OpportunityClosedLost;
import org.retailcx.schema.sales.OpportunityClosedWon;
import org.retailcx.schema.sales.OpportunityCreated;
import org.retailcx.schema.sales.OpportunityStageChanged;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Queues the events a batch of opportunity versions implies, read from the silver change history (so quarantined
 * versions announce nothing): created (first valid version), stage-changed (each version that changes the stage),
 * closed-won (the first win only: clv-service must not count a sale twice) and closed-lost (with the reason).
 * Only history rows of versions in this batch are announced, and each once: the ledger
 * {@code silver.retail_sales_opportunity_announced} is written in the same statement, so a re-sent identical
 * version (no history row) or a late older version re-announces nothing.
 */
@ApplicationScoped
public class OpportunityEvents implements BronzeListener {

    private static final String ANNOUNCE = """
            with h as (
              select h.opportunity_id, h.bronze_id, h.changed_at, h.stage_from, h.stage_to, h.probability_to
              from silver.retail_sales_opportunity_history h
              join bronze.retail_sales_opportunities b on b.bronze_id = h.bronze_id
              where b.batch_id = $1),
            candidates as (
              select 'created' as event, 0::bigint as version, 1 as rank, h.* from h
              where stage_from is null
              union all
              select 'stage-changed', h.bronze_id, 2, h.* from h
              where stage_from is not null and stage_from <> stage_to
              union all
              select 'closed-won', 0, 3, h.* from h
              where stage_to = 'Closed Won' and stage_from is distinct from stage_to
              union all
              select 'closed-lost', h.bronze_id, 3, h.* from h
              where stage_to = 'Closed Lost' and stage_from is distinct from stage_to),
            firsts as (
              select distinct on (opportunity_id, event, version) * from candidates
              order by opportunity_id, event, version, changed_at, bronze_id),
            announced as (
              insert into silver.retail_sales_opportunity_announced (opportunity_id, event, version_bronze_id)
              select opportunity_id, event, version from firsts
              on conflict do nothing
              returning opportunity_id, event, version_bronze_id)
            select f.event, f.opportunity_id, f.stage_from, f.stage_to, f.changed_at, f.probability_to,
                   b.account_id, b.owner_id, b.lead_id, b.amount, coalesce(b.currency, 'EUR') as currency,
                   b.expected_close_date, b.product_interest, b.lead_source, b.campaign_id, b.loss_reason,
                   b.competitive_threat, g.created_date
            from announced a
            join firsts f on f.opportunity_id = a.opportunity_id and f.event = a.event and f.version = a.version_bronze_id
            join bronze.retail_sales_opportunities b on b.bronze_id = f.bronze_id
            join silver.retail_sales_opportunity_golden g on g.opportunity_id = f.opportunity_id
            order by f.changed_at, f.bronze_id, f.rank""";

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
    public Uni<Integer> afterBronze(SqlConnection tx, UUID batchId) {
        return tx.preparedQuery(ANNOUNCE).execute(Tuple.of(batchId))
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> queue(tx, row))
                        .collect().asList()
                        .map(queued -> queued.size()));
    }

    private Uni<UUID> queue(SqlConnection tx, Row row) {
        String id = row.getString("opportunity_id");
        String customer = row.getString("account_id");
        String owner = row.getString("owner_id");
        BigDecimal amount = row.getBigDecimal("amount");
        String currency = row.getString("currency");
        String product = row.getString("product_interest");
        LocalDate day = row.getOffsetDateTime("changed_at").toLocalDate();
        return switch (row.getString("event")) {
            case "created" -> outbox.append(tx, EventCatalog.SALES_OPPORTUNITY_CREATED, id, customer,
                    new OpportunityCreated(id, customer, owner, row.getString("lead_id"), row.getString("stage_to"),
                            amount, currency, row.getBigDecimal("probability_to"),
                            row.getLocalDate("expected_close_date"), product, row.getString("lead_source"),
                            row.getString("campaign_id"), row.getLocalDate("created_date")));
            case "stage-changed" -> outbox.append(tx, EventCatalog.SALES_OPPORTUNITY_STAGE_CHANGED, id, customer,
                    new OpportunityStageChanged(id, customer, owner, row.getString("stage_from"),
                            row.getString("stage_to"), amount, currency, row.getBigDecimal("probability_to"),
                            row.getLocalDate("expected_close_date"), product, row.getOffsetDateTime("changed_at")));
            case "closed-won" -> outbox.append(tx, EventCatalog.SALES_OPPORTUNITY_CLOSED_WON, id, customer,
                    new OpportunityClosedWon(id, customer, owner, product, amount, currency, day,
                            row.getString("campaign_id")));
            case "closed-lost" -> outbox.append(tx, EventCatalog.SALES_OPPORTUNITY_CLOSED_LOST, id, customer,
                    new OpportunityClosedLost(id, customer, owner, product, amount, currency, day,
                            row.getString("loss_reason"), row.getString("competitive_threat")));
            default -> throw new IllegalStateException("unknown opportunity event " + row.getString("event"));
        };
    }
}
