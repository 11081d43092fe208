package org.retailcx.sales.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.ingest.IngestionReader.Item;
import org.retailcx.sales.api.IngestionReceipt;
import org.retailcx.sales.api.OpportunityRecord;
import org.retailcx.sales.events.OpportunityEvents;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Appends CRM opportunity versions to bronze and queues the events they imply, in the caller's transaction. */
@ApplicationScoped
public class OpportunityIngestion {

    private final OpportunityEvents events;

    public OpportunityIngestion(OpportunityEvents events) {
        this.events = events;
    }

    public Uni<IngestionReceipt> ingest(SqlConnection tx, String sourceSystem, List<Item<OpportunityRecord>> items) {
        UUID batchId = UUID.randomUUID();
        String[] opportunityIds = items.stream().map(i -> i.value().opportunityId()).distinct().toArray(String[]::new);
        List<Tuple> rows = new ArrayList<>(items.size());
        for (Item<OpportunityRecord> item : items) {
            OpportunityRecord o = item.value();
            rows.add(Tuple.from(new Object[] { sourceSystem, o.opportunityId(), batchId, item.raw().toString(),
                    o.opportunityId(), o.accountId(), o.leadId(), o.ownerId(), o.stage(), o.amount(), o.currency(),
                    o.probability(), o.expectedCloseDate(), o.productInterest(), o.leadSource(), o.campaignId(),
                    o.competitiveThreat(), o.lossReason(), o.updatedAt() }));
        }
        // Serialise concurrent writers of the same opportunities (ordered locks: no deadlock), so that "first
        // time won" is decided once.
        return tx.preparedQuery("""
                select count(pg_advisory_xact_lock(k)) from (
                  select distinct hashtextextended('sales.opportunity:' || id, 0) as k from unnest($1::text[]) id
                  order by k) locks""")
                .execute(Tuple.of(opportunityIds))
                .chain(() -> tx.preparedQuery("""
                        insert into bronze.retail_sales_opportunities (source_system, source_record_id, batch_id,
                            payload, opportunity_id, account_id, lead_id, owner_id, stage, amount, currency,
                            probability, expected_close_date, product_interest, lead_source, campaign_id,
                            competitive_threat, loss_reason, crm_updated_at)
                        values ($1, $2, $3, $4::text::jsonb, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                            $18, $19)""")
                        .executeBatch(rows))
                .chain(() -> events.queueFirstWins(tx, batchId))
                .map(queued -> new IngestionReceipt(batchId, items.size(), queued));
    }
}
