package org.retailcx.journey.pipeline.rule;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.journey.ingest.JourneySources;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Bronze → silver for rules: a rule's latest accepted submission is its current version (its number = the accepted
 * submissions so far), written by whoever the batch ledger names; a refused one stays in bronze only. The same
 * statement over all of bronze is the rebuild.
 */
@ApplicationScoped
public class RuleSilver implements BronzeListener, LayerRebuild {

    private static final String UPSERT = """
            insert into silver.journey_orchestration_rule as s (rule_id, journey_type, trigger_condition,
                action_to_execute, priority, active_flag, version, updated_by, updated_at, bronze_id)
            select distinct on (b.rule_id) b.rule_id, b.journey_type, b.trigger_condition, b.action_to_execute,
                b.priority, b.active_flag,
                (select count(*) from bronze.retail_journey_orchestration_rules v
                 where v.rule_id = b.rule_id and v.accepted and v.bronze_id <= b.bronze_id),
                i.received_by, b.received_at, b.bronze_id
            from bronze.retail_journey_orchestration_rules b join platform.ingestion_batches i using (batch_id)
            where b.accepted and (%s)
            order by b.rule_id, b.bronze_id desc
            on conflict (rule_id) do update set journey_type = excluded.journey_type,
                trigger_condition = excluded.trigger_condition, action_to_execute = excluded.action_to_execute,
                priority = excluded.priority, active_flag = excluded.active_flag, version = excluded.version,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at, bronze_id = excluded.bronze_id
            where s.bronze_id <= excluded.bronze_id""";

    @Override
    public String source() {
        return JourneySources.RULES.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return tx.preparedQuery(UPSERT.formatted("b.batch_id = any($1)")).execute(batches.tuple()).replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.journey_orchestration_rule";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.preparedQuery(UPSERT.formatted("true")).execute(Tuple.tuple()).replaceWithVoid();
    }
}
