package org.retailcx.journey.pipeline.runtime;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.journey.ingest.JourneySources;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;
import org.retailcx.platform.medallion.Quarantine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * CRM customer records → {@code silver.journey_customer}: the latest valid record sets zone, quiet hours and
 * opt-outs; its attributes are merged over what events told (clv's decile stays unless the CRM sends one).
 */
@ApplicationScoped
public class CustomerSilver implements BronzeListener, LayerRebuild {

    private static final String VALID = Quarantine.notQuarantined(JourneySources.CUSTOMERS);
    private static final String SILVER = """
            insert into silver.journey_customer (customer_id, time_zone, quiet_hours_start, quiet_hours_end,
                opted_out_channels, attributes, source_bronze_id)
            select distinct on (customer_id) customer_id, time_zone, quiet_hours_start, quiet_hours_end,
                coalesce(opted_out_channels, '{}'), coalesce(attributes, '{}'), bronze_id
            from bronze.retail_journey_customers b where %s and %s
            order by customer_id, bronze_id desc
            on conflict (customer_id) do update set time_zone = excluded.time_zone,
                quiet_hours_start = excluded.quiet_hours_start, quiet_hours_end = excluded.quiet_hours_end,
                opted_out_channels = excluded.opted_out_channels,
                attributes = silver.journey_customer.attributes || excluded.attributes,
                source_bronze_id = excluded.source_bronze_id, updated_at = now()""";

    @Override
    public String source() {
        return JourneySources.CUSTOMERS.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return tx.preparedQuery(SILVER.formatted("b.batch_id = any($1)", VALID)).execute(batches.tuple())
                .replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.journey_customer";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query(SILVER.formatted("true", VALID)).execute().replaceWithVoid();
    }
}
