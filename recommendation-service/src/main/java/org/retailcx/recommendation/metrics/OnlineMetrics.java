package org.retailcx.recommendation.metrics;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What served recommendations earned, from gold ({@code fact_product_recommendations}): per algorithm and context, and per algorithm over all contexts
 * ({@code context} null), for the recommendations served in [from, to). Rates are over displayed recommendations
 * (CTR = clicked / displayed, conversion rate = converted / displayed), AOV over conversions; catalogue coverage is
 * the share of the products known from interactions that were recommended at all. A rate without a denominator is
 * null, not 0.
 */
@ApplicationScoped
public class OnlineMetrics {

    @RegisterForReflection
    public record OnlineRow(String algorithm, String context, long served, long displayed, long clicked, long dismissed,
            long converted, Double ctr, Double conversionRate, BigDecimal revenue, BigDecimal averageOrderValue,
            Double averageDwellSeconds, long distinctProducts, Double catalogueCoverage) {
    }

    private final Pool pool;

    public OnlineMetrics(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<OnlineRow>> between(OffsetDateTime from, OffsetDateTime to) {
        return pool.preparedQuery("""
                with catalogue as (select count(distinct product_id) as products
                                   from silver.customer_product_interaction)
                select a.algorithm, c.context, count(*) as served,
                    count(*) filter (where f.displayed) as displayed,
                    count(*) filter (where f.clicked) as clicked,
                    count(*) filter (where f.dismissed) as dismissed,
                    count(*) filter (where f.converted) as converted,
                    coalesce(sum(f.conversion_amount) filter (where f.converted), 0) as revenue,
                    avg(f.dwell_time_seconds) filter (where f.displayed) as dwell,
                    count(distinct f.product_key) as products,
                    (select products from catalogue) as catalogue
                from gold.fact_product_recommendations f
                join gold.dim_recommendation_algorithm a using (algorithm_key)
                join gold.dim_recommendation_context c using (context_key)
                where f.served_at >= $1 and f.served_at < $2
                group by grouping sets ((a.algorithm, c.context), (a.algorithm))
                order by a.algorithm, c.context nulls first""")
                .execute(Tuple.of(from, to))
                .map(rows -> {
                    List<OnlineRow> out = new ArrayList<>();
                    for (Row r : rows) {
                        long displayed = r.getLong(3);
                        long converted = r.getLong(6);
                        BigDecimal revenue = r.getBigDecimal(7);
                        long catalogue = r.getLong(10);
                        out.add(new OnlineRow(r.getString(0), r.getString(1), r.getLong(2), displayed, r.getLong(4),
                                r.getLong(5), converted, ratio(r.getLong(4), displayed), ratio(converted, displayed),
                                revenue, converted == 0 ? null
                                        : revenue.divide(BigDecimal.valueOf(converted), 2, java.math.RoundingMode.HALF_UP),
                                r.getBigDecimal(8) == null ? null : r.getBigDecimal(8).doubleValue(), r.getLong(9),
                                ratio(r.getLong(9), catalogue)));
                    }
                    return out;
                });
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
