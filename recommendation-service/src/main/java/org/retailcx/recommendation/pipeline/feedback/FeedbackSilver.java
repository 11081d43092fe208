package org.retailcx.recommendation.pipeline.feedback;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;
import org.retailcx.platform.medallion.Quarantine;
import org.retailcx.recommendation.ingest.RecommendationSources;
import org.retailcx.recommendation.pipeline.gold.RecommendationStar;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Bronze → silver for feedback, set-based per batch: the newest valid version of each feedback record; the funnel
 * each touched recommendation reached over all its feedback (performance: a recommendation converts once, for the
 * amount of its first conversion report, however often the channel repeats it); and the implicit signals feedback carries
 * back into the interactions (a click is a click on the product, a conversion a purchase of it), so that they feed
 * retraining and a converted product counts as held; then the gold facts of the recommendations the batch touched.
 */
@ApplicationScoped
public class FeedbackSilver implements BronzeListener, LayerRebuild {

    /** The newest valid bronze version of each feedback record among the rows {@code %s} selects. */
    public static final String NEWEST_VALID = """
            select distinct on (b.source_record_id) b.source_record_id as feedback_id, b.recommendation_id,
                b.customer_id, b.displayed, b.clicked, b.dismissed, b.converted, b.conversion_amount,
                b.dwell_time_seconds, b.feedback_timestamp, b.bronze_id
            from bronze.retail_recommendation_feedback b
            where (%%s) and %s
            order by b.source_record_id, b.bronze_id desc""".formatted(
            Quarantine.notQuarantined(RecommendationSources.FEEDBACK));

    /** Feedback's implicit signals as interactions: source system, id, customer, product, rating, time, value. */
    public static final String AS_INTERACTIONS = """
            select 'recommendation-feedback' as source_system, f.feedback_id || ':' || x.step as source_record_id,
                f.customer_id, e.product_id, 'feedback' as interaction_type, x.rating as implicit_rating,
                f.feedback_timestamp as interaction_timestamp,
                case when x.rating = 'purchase' then f.conversion_amount end as interaction_value, f.bronze_id
            from (%s) f
            join silver.retail_recommendations_enriched e using (recommendation_id)
            cross join lateral (values ('click', 'click', f.clicked), ('conversion', 'purchase', f.converted))
                x(step, rating, present)
            where x.present""";

    private static final String FEEDBACK = """
            insert into silver.recommendation_feedback (feedback_id, recommendation_id, customer_id, displayed,
                clicked, dismissed, converted, conversion_amount, dwell_time_seconds, feedback_timestamp, bronze_id)
            """ + NEWEST_VALID + """

            on conflict (feedback_id) do update set recommendation_id = excluded.recommendation_id,
                customer_id = excluded.customer_id, displayed = excluded.displayed, clicked = excluded.clicked,
                dismissed = excluded.dismissed, converted = excluded.converted,
                conversion_amount = excluded.conversion_amount, dwell_time_seconds = excluded.dwell_time_seconds,
                feedback_timestamp = excluded.feedback_timestamp, bronze_id = excluded.bronze_id
            where excluded.bronze_id > silver.recommendation_feedback.bronze_id""";

    private static final String PERFORMANCE = """
            insert into silver.retail_recommendation_performance (recommendation_id, displayed, clicked, dismissed,
                converted, conversion_amount, dwell_time_seconds, first_feedback_at, last_feedback_at, converted_at)
            select f.recommendation_id, bool_or(f.displayed or f.clicked or f.converted), bool_or(f.clicked),
                bool_or(f.dismissed), bool_or(f.converted),
                coalesce((array_agg(f.conversion_amount order by f.feedback_timestamp, f.feedback_id)
                    filter (where f.converted))[1], 0),
                coalesce(sum(f.dwell_time_seconds), 0), min(f.feedback_timestamp), max(f.feedback_timestamp),
                min(f.feedback_timestamp) filter (where f.converted)
            from silver.recommendation_feedback f
            where f.recommendation_id in (select b.recommendation_id from bronze.retail_recommendation_feedback b
                                          where %s)
            group by f.recommendation_id
            on conflict (recommendation_id) do update set displayed = excluded.displayed, clicked = excluded.clicked,
                dismissed = excluded.dismissed, converted = excluded.converted,
                conversion_amount = excluded.conversion_amount, dwell_time_seconds = excluded.dwell_time_seconds,
                first_feedback_at = excluded.first_feedback_at, last_feedback_at = excluded.last_feedback_at,
                converted_at = excluded.converted_at""";

    private static final String INTERACTIONS = """
            insert into silver.customer_product_interaction (source_system, source_record_id, customer_id, product_id,
                interaction_type, implicit_rating, interaction_timestamp, interaction_value, bronze_id)
            """ + AS_INTERACTIONS + """

            on conflict (source_system, source_record_id) do update set interaction_timestamp
                = excluded.interaction_timestamp, interaction_value = excluded.interaction_value,
                bronze_id = excluded.bronze_id
            where excluded.bronze_id > silver.customer_product_interaction.bronze_id""";

    private static final String IN_BATCHES = "b.batch_id = any($1)";

    private final RecommendationStar star;

    public FeedbackSilver(RecommendationStar star) {
        this.star = star;
    }

    @Override
    public String source() {
        return RecommendationSources.FEEDBACK.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return tx.preparedQuery(FEEDBACK.formatted(IN_BATCHES)).execute(batches.tuple())
                .chain(() -> tx.preparedQuery(PERFORMANCE.formatted(IN_BATCHES)).execute(batches.tuple()))
                .chain(() -> tx.preparedQuery(INTERACTIONS.formatted(NEWEST_VALID.formatted(IN_BATCHES)))
                        .execute(batches.tuple()))
                .chain(() -> star.recommendations(tx, """
                        e.recommendation_id in (select b.recommendation_id from bronze.retail_recommendation_feedback b
                                                where b.batch_id = any($1))""", batches.tuple()))
                .replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.retail_recommendation_performance";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query(FEEDBACK.formatted("true")).execute()
                .chain(() -> tx.query(PERFORMANCE.formatted("true")).execute())
                .chain(() -> tx.query(INTERACTIONS.formatted(NEWEST_VALID.formatted("true"))).execute())
                .replaceWithVoid();
    }
}
