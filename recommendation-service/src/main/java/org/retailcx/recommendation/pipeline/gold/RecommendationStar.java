package org.retailcx.recommendation.pipeline.gold;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.LayerRebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The gold star (V5): {@code fact_product_recommendations} (one row per served recommendation with the funnel it
 * reached), {@code fact_recommendation_conversions} (one per converted recommendation) and
 * {@code fact_next_best_action_performance} (one per issued action with its acceptance), over the date, context,
 * product, algorithm and model dimensions. The served-list and feedback promotions upsert the facts of the
 * recommendations their batch touched, the issued-action promotion and an acceptance those of their actions; the
 * admin rebuild recomputes all of them from silver, after silver.
 */
@ApplicationScoped
public class RecommendationStar implements LayerRebuild {

    private static final String PRODUCTS = """
            insert into gold.dim_product (product_id)
            select distinct e.product_id from silver.retail_recommendations_enriched e where %s
            on conflict (product_id) do nothing""";

    private static final String RECOMMENDATIONS = """
            insert into gold.fact_product_recommendations (recommendation_id, served_date_key, served_at, customer_id,
                product_key, algorithm_key, model_version, context_key, rank, score, displayed, clicked, dismissed,
                converted, conversion_amount, dwell_time_seconds)
            select e.recommendation_id, to_char(e.served_at at time zone 'UTC', 'YYYYMMDD')::integer, e.served_at,
                e.customer_id, d.product_key, a.algorithm_key, e.model_version, c.context_key, e.rank, e.score,
                coalesce(p.displayed, false), coalesce(p.clicked, false), coalesce(p.dismissed, false),
                coalesce(p.converted, false), coalesce(p.conversion_amount, 0), coalesce(p.dwell_time_seconds, 0)
            from silver.retail_recommendations_enriched e
            join gold.dim_product d on d.product_id = e.product_id
            join gold.dim_recommendation_algorithm a on a.algorithm = e.algorithm
            join gold.dim_recommendation_context c on c.context = e.context
            left join silver.retail_recommendation_performance p using (recommendation_id)
            where %s
            on conflict (recommendation_id) do update set displayed = excluded.displayed, clicked = excluded.clicked,
                dismissed = excluded.dismissed, converted = excluded.converted,
                conversion_amount = excluded.conversion_amount, dwell_time_seconds = excluded.dwell_time_seconds""";

    /** A corrected feedback record can take a conversion back. */
    private static final String UNCONVERTED = """
            delete from gold.fact_recommendation_conversions v using gold.fact_product_recommendations e
            where v.recommendation_id = e.recommendation_id and not e.converted and %s""";

    private static final String CONVERSIONS = """
            insert into gold.fact_recommendation_conversions (recommendation_id, conversion_date_key, converted_at,
                served_date_key, customer_id, product_key, algorithm_key, model_version, context_key,
                conversion_amount, seconds_to_convert)
            select e.recommendation_id, to_char(p.converted_at at time zone 'UTC', 'YYYYMMDD')::integer,
                p.converted_at, e.served_date_key, e.customer_id, e.product_key, e.algorithm_key, e.model_version,
                e.context_key, e.conversion_amount, greatest(0, extract(epoch from p.converted_at - e.served_at))::bigint
            from gold.fact_product_recommendations e
            join silver.retail_recommendation_performance p using (recommendation_id)
            where e.converted and %s
            on conflict (recommendation_id) do update set conversion_date_key = excluded.conversion_date_key,
                converted_at = excluded.converted_at, conversion_amount = excluded.conversion_amount,
                seconds_to_convert = excluded.seconds_to_convert""";

    private static final String ACTION_PRODUCTS = """
            insert into gold.dim_product (product_id)
            select distinct n.product_id from bronze.retail_next_best_action n where n.product_id is not null and %s
            on conflict (product_id) do nothing""";

    private static final String ACTIONS = """
            insert into gold.fact_next_best_action_performance (action_id, catalogue_action_id, customer_id,
                action_type, channel, trigger, product_key, issued_date_key, issued_at, expiry, priority,
                rank_for_customer, propensity, value, expected_value, accepted, accepted_at, accepted_date_key)
            select n.action_id, n.catalogue_action_id, n.customer_id, n.action_type, n.channel, n.trigger,
                d.product_key, to_char(n.issued_at at time zone 'UTC', 'YYYYMMDD')::integer, n.issued_at, n.expiry,
                n.priority, n.rank_for_customer, n.propensity, n.value, n.expected_value, a.action_id is not null,
                a.accepted_at, to_char(a.accepted_at at time zone 'UTC', 'YYYYMMDD')::integer
            from bronze.retail_next_best_action n
            left join gold.dim_product d on d.product_id = n.product_id
            left join silver.next_best_action_acceptance a on a.action_id = n.action_id
            where %s
            on conflict (action_id) do update set accepted = excluded.accepted, accepted_at = excluded.accepted_at,
                accepted_date_key = excluded.accepted_date_key""";

    /**
     * Adds the facts of newly served recommendations ({@code condition} on {@code e.recommendation_id}): no feedback
     * yet, so no conversion to check (two statements on the serving path instead of four).
     */
    public Uni<Void> served(SqlConnection tx, String condition, Tuple args) {
        return tx.preparedQuery(PRODUCTS.formatted(condition)).execute(args)
                .chain(() -> tx.preparedQuery(RECOMMENDATIONS.formatted(condition)).execute(args))
                .replaceWithVoid();
    }

    /** Brings the facts of the recommendations {@code condition} selects (on {@code e.recommendation_id}) up to date. */
    public Uni<Void> recommendations(SqlConnection tx, String condition, Tuple args) {
        return served(tx, condition, args)
                .chain(() -> tx.preparedQuery(UNCONVERTED.formatted(condition)).execute(args))
                .chain(() -> tx.preparedQuery(CONVERSIONS.formatted(condition)).execute(args))
                .replaceWithVoid();
    }

    /** Brings the facts of the issued actions {@code condition} selects (on {@code n}, the bronze log) up to date. */
    public Uni<Void> actions(SqlConnection tx, String condition, Tuple args) {
        return tx.preparedQuery(ACTION_PRODUCTS.formatted(condition)).execute(args)
                .chain(() -> tx.preparedQuery(ACTIONS.formatted(condition)).execute(args))
                .replaceWithVoid();
    }

    @Override
    public String name() {
        return "gold.fact_product_recommendations, fact_recommendation_conversions, fact_next_best_action_performance";
    }

    /** After the silver parts it reads (served lists 100, feedback 200). */
    @Override
    public int order() {
        return 900;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query("delete from gold.fact_recommendation_conversions").execute()
                .chain(() -> tx.query("delete from gold.fact_product_recommendations").execute())
                .chain(() -> tx.query("delete from gold.fact_next_best_action_performance").execute())
                .chain(() -> recommendations(tx, "true", Tuple.tuple()))
                .chain(() -> actions(tx, "true", Tuple.tuple()));
    }
}
