package org.retailcx.recommendation.pipeline.serving;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;
import org.retailcx.recommendation.ingest.RecommendationSources;
import org.retailcx.recommendation.pipeline.gold.RecommendationStar;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Bronze → silver for served lists: one row per recommended product, which feedback joins to; then their gold facts. */
@ApplicationScoped
public class ServedSilver implements BronzeListener, LayerRebuild {

    private static final String INSERT = """
            insert into silver.retail_recommendations_enriched (recommendation_id, customer_id, session_id,
                product_id, rank, score, algorithm, model_version, context, served_at, reason, bronze_id)
            select b.recommendation_id, b.customer_id, b.session_id, b.recommended_product_id, b.rank, b.score,
                b.algorithm, b.model_version, b.context, b.timestamp, b.reason, b.bronze_id
            from bronze.retail_product_recommendations b
            where %s
            order by b.bronze_id
            on conflict (recommendation_id) do nothing""";

    private final RecommendationStar star;

    public ServedSilver(RecommendationStar star) {
        this.star = star;
    }

    @Override
    public String source() {
        return RecommendationSources.SERVED.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return tx.preparedQuery(INSERT.formatted("b.batch_id = any($1)")).execute(batches.tuple())
                .chain(() -> star.served(tx, """
                        e.recommendation_id in (select b.recommendation_id from bronze.retail_product_recommendations b
                                                where b.batch_id = any($1))""", batches.tuple()))
                .replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.retail_recommendations_enriched";
    }

    /** Before feedback, which joins to the served lists. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query(INSERT.formatted("true")).execute().replaceWithVoid();
    }
}
