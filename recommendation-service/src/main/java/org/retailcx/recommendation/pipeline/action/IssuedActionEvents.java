package org.retailcx.recommendation.pipeline.action;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.recommendation.ingest.RecommendationSources;
import org.retailcx.recommendation.pipeline.gold.RecommendationStar;
import org.retailcx.schema.EventCatalog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Announces each issued action ({@code next-best-action.issued}): bronze holds the event's data as issued; and adds
 * the actions to {@code gold.fact_next_best_action_performance}.
 */
@ApplicationScoped
public class IssuedActionEvents implements BronzeListener {

    private final Outbox outbox;

    private final RecommendationStar star;

    public IssuedActionEvents(Outbox outbox, RecommendationStar star) {
        this.outbox = outbox;
        this.star = star;
    }

    @Override
    public String source() {
        return RecommendationSources.ISSUED_ACTIONS.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return outbox.appendAll(tx, EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_ISSUED, """
                select b.action_id as subject, b.customer_id as record_key, b.payload as data
                from bronze.retail_next_best_action b where b.batch_id = any($1) order by b.bronze_id""",
                batches.tuple()).map(Long::intValue)
                .call(() -> star.actions(tx, "n.batch_id = any($1)", batches.tuple()));
    }
}
