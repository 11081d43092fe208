package org.retailcx.journey.pipeline.attribution;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.journey.ingest.JourneySources;
import org.retailcx.journey.model.attribution.TouchpointPath;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;
import org.retailcx.platform.medallion.Quarantine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Marketing touchpoints in silver (latest valid version of each wins), and the touchpoint paths attribution runs on:
 * for every conversion in the period (a won deal), the customer's touchpoints in the lookback window before it,
 * oldest first, with each touch's age at conversion in days; for every customer touched in the period who did not
 * convert in it, their touchpoints as one non-converting path (ages at the period's end).
 */
@ApplicationScoped
public class TouchpointPaths implements BronzeListener, LayerRebuild {

    private static final String VALID = Quarantine.notQuarantined(JourneySources.TOUCHPOINTS);
    private static final String SILVER = """
            insert into silver.marketing_touchpoint (touchpoint_id, customer_id, channel, campaign_id, touched_at,
                cost, bronze_id)
            select distinct on (touchpoint_id) touchpoint_id, customer_id, channel, campaign_id, touched_at,
                coalesce(cost, 0), bronze_id
            from bronze.retail_marketing_touchpoints b where %s and %s
            order by touchpoint_id, bronze_id desc
            on conflict (touchpoint_id) do update set customer_id = excluded.customer_id,
                channel = excluded.channel, campaign_id = excluded.campaign_id, touched_at = excluded.touched_at,
                cost = excluded.cost, bronze_id = excluded.bronze_id""";

    /** The window before a conversion whose touches count, and time decay's half-life, unless asked otherwise. */
    public static final int DEFAULT_LOOKBACK_DAYS = 90;
    public static final double DEFAULT_HALF_LIFE_DAYS = 7;

    /** Paths in [from, to) and the channels' cost in it. */
    public record Paths(List<TouchpointPath> paths, Map<String, Double> costByChannel, long conversionsWithoutTouch) {
    }

    private final Pool pool;

    public TouchpointPaths(Pool pool) {
        this.pool = pool;
    }

    @Override
    public String source() {
        return JourneySources.TOUCHPOINTS.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return tx.preparedQuery(SILVER.formatted("b.batch_id = any($1)", VALID)).execute(batches.tuple())
                .replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.marketing_touchpoint";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query(SILVER.formatted("true", VALID)).execute().replaceWithVoid();
    }

    public Uni<Paths> paths(OffsetDateTime from, OffsetDateTime to, int lookbackDays) {
        Tuple window = Tuple.of(from, to, lookbackDays);
        return pool.withConnection(c -> c.preparedQuery("""
                select v.conversion_id, v.value::float8,
                    array_agg(t.channel order by t.touched_at, t.touchpoint_id) filter (where t.channel is not null),
                    array_agg((extract(epoch from v.converted_at - t.touched_at) / 86400.0)::float8
                        order by t.touched_at, t.touchpoint_id) filter (where t.channel is not null)
                from silver.journey_conversion v
                left join silver.marketing_touchpoint t on t.customer_id = v.customer_id
                    and t.touched_at <= v.converted_at
                    and t.touched_at > v.converted_at - make_interval(days => $3)
                where v.converted_at >= $1 and v.converted_at < $2
                group by v.conversion_id, v.value""").execute(window)
                .chain(converted -> c.preparedQuery("""
                        select t.customer_id, array_agg(t.channel order by t.touched_at, t.touchpoint_id),
                            array_agg((extract(epoch from $2 - t.touched_at) / 86400.0)::float8
                                order by t.touched_at, t.touchpoint_id)
                        from silver.marketing_touchpoint t
                        where t.touched_at >= $1 and t.touched_at < $2 and not exists (
                            select 1 from silver.journey_conversion v where v.customer_id = t.customer_id
                                and v.converted_at >= $1 and v.converted_at < $2)
                        group by t.customer_id""").execute(Tuple.of(from, to))
                        .chain(notConverted -> c.preparedQuery("""
                                select channel, sum(cost)::float8 from silver.marketing_touchpoint
                                where touched_at >= $1 and touched_at < $2 group by channel""")
                                .execute(Tuple.of(from, to))
                                .map(costs -> {
                                    List<TouchpointPath> paths = new ArrayList<>();
                                    long withoutTouch = 0;
                                    for (Row r : converted) {
                                        if (r.getArrayOfStrings(2) == null) {
                                            withoutTouch++;
                                        } else {
                                            paths.add(path(r.getArrayOfStrings(2), r.getArrayOfDoubles(3), 1,
                                                    r.getDouble(1), 0));
                                        }
                                    }
                                    for (Row r : notConverted) {
                                        paths.add(path(r.getArrayOfStrings(1), r.getArrayOfDoubles(2), 0, 0, 1));
                                    }
                                    Map<String, Double> cost = new HashMap<>();
                                    costs.forEach(r -> cost.put(r.getString(0), r.getDouble(1)));
                                    return new Paths(paths, cost, withoutTouch);
                                }))));
    }

    /** A path from the database's arrays: ages in days, oldest touch first. */
    public static TouchpointPath path(String[] channels, Double[] ages, long conversions, double value,
            long nonConversions) {
        double[] age = new double[ages.length];
        for (int i = 0; i < ages.length; i++) {
            // two touches at the same instant have equal ages; clamp rounding so ages never increase
            age[i] = i == 0 ? ages[i] : Math.min(ages[i], age[i - 1]);
        }
        return new TouchpointPath(List.of(channels), conversions, value, nonConversions, age);
    }
}
