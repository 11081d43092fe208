package org.retailcx.recommendation.pipeline.interaction;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;
import org.retailcx.platform.medallion.Quarantine;
import org.retailcx.recommendation.ingest.RecommendationSources;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Bronze → silver interactions, set-based: the newest valid version of each (source system, interaction id) wins,
 * with the funnel step normalised to the model's spelling. Quarantined rows never get here.
 */
@ApplicationScoped
public class InteractionSilver implements BronzeListener, LayerRebuild {

    /** The newest valid bronze version of each interaction among the rows {@code %s} selects. */
    public static final String NEWEST_VALID = """
            select distinct on (b.source_system, b.source_record_id) b.source_system, b.source_record_id,
                b.customer_id, b.product_id, b.interaction_type, %s as implicit_rating, b.interaction_timestamp,
                b.interaction_value, b.bronze_id
            from bronze.retail_collaborative_filtering_data b
            where (%%s) and %s
            order by b.source_system, b.source_record_id, b.bronze_id desc"""
            .formatted(RecommendationSources.NORMALISED_RATING,
                    Quarantine.notQuarantined(RecommendationSources.INTERACTIONS));

    private static final String UPSERT = """
            insert into silver.customer_product_interaction (source_system, source_record_id, customer_id, product_id,
                interaction_type, implicit_rating, interaction_timestamp, interaction_value, bronze_id)
            """ + NEWEST_VALID + """

            on conflict (source_system, source_record_id) do update set customer_id = excluded.customer_id,
                product_id = excluded.product_id, interaction_type = excluded.interaction_type,
                implicit_rating = excluded.implicit_rating, interaction_timestamp = excluded.interaction_timestamp,
                interaction_value = excluded.interaction_value, bronze_id = excluded.bronze_id
            where excluded.bronze_id > silver.customer_product_interaction.bronze_id""";

    @Override
    public String source() {
        return RecommendationSources.INTERACTIONS.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return tx.preparedQuery(UPSERT.formatted("b.batch_id = any($1)")).execute(batches.tuple()).replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.customer_product_interaction";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query(UPSERT.formatted("true")).execute().replaceWithVoid();
    }
}
