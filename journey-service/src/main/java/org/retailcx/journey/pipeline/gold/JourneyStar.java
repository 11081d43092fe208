package org.retailcx.journey.pipeline.gold;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.journey.model.attribution.AttributionModel;
import org.retailcx.journey.model.attribution.AttributionModels;
import org.retailcx.journey.model.attribution.AttributionResult;
import org.retailcx.journey.model.attribution.PathSet;
import org.retailcx.journey.model.attribution.TouchpointPath;
import org.retailcx.journey.pipeline.attribution.TouchpointPaths;
import org.retailcx.platform.medallion.LayerRebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The gold star, kept current for a set of customers (a batch's, a timer tick's) in the caller's transaction, and
 * rebuilt for all of them: journey versions and stages, transitions, outcomes, channel cost per day, and each
 * conversion's credit per model, channel and campaign (the per-conversion models of {@link AttributionModels}, run on
 * the conversion's own path with the default lookback and half-life). Every statement is set-based SQL but the
 * attribution credit, which runs the model package on each of the customers' conversions.
 */
@ApplicationScoped
public class JourneyStar implements LayerRebuild {

    /** Touches with no campaign: the campaign dimension's member for them. */
    static final String NO_CAMPAIGN = "(none)";
    /** Joins channel and campaign into one path token; neither contains it. */
    private static final String TOKEN = "\u001f";
    private static final String FOR = "($1::text[] is null or %s = any($1))";
    private static final String DAY = "to_char(%s at time zone 'UTC', 'YYYYMMDD')::integer";

    private static final String JOURNEYS = """
            insert into gold.dim_journey (journey_key, version, status, entry_event_type, published_at)
            select journey_key, version, status, entry_event_type, published_at from silver.journey_definition
            on conflict (journey_key, version) do update set status = excluded.status,
                published_at = excluded.published_at
            where gold.dim_journey.status is distinct from excluded.status""";

    private static final List<String> STATEMENTS = List.of(
            """
            insert into gold.dim_stage (journey_sk, stage)
            select distinct j.journey_sk, t.stage from silver.journey_transition t
            join silver.retail_journey_state_real_time s using (instance_id)
            join gold.dim_journey j on j.journey_key = s.journey_id and j.version = s.journey_version
            where t.stage is not null and %s
            on conflict do nothing""".formatted(FOR.formatted("s.customer_id")),
            """
            insert into gold.fact_journey_transition (transition_id, journey_sk, stage_sk, date_key, instance_id,
                customer_id, kind, occurred_at)
            select t.transition_id, j.journey_sk, st.stage_sk, %s, t.instance_id, s.customer_id, t.kind, t.occurred_at
            from silver.journey_transition t
            join silver.retail_journey_state_real_time s using (instance_id)
            join gold.dim_journey j on j.journey_key = s.journey_id and j.version = s.journey_version
            left join gold.dim_stage st on st.journey_sk = j.journey_sk and st.stage = t.stage
            where %s
            on conflict (transition_id) do nothing""".formatted(DAY.formatted("t.occurred_at"),
                    FOR.formatted("s.customer_id")),
            "delete from gold.fact_journey_outcome where " + FOR.formatted("customer_id"),
            """
            insert into gold.fact_journey_outcome (instance_id, outcome, occurred_at, journey_sk, stage_sk, date_key,
                customer_id, seconds_from_entry, recovery_attempts, recovered_at)
            select t.instance_id, case t.kind when 'GOAL_REACHED' then 'completed' when 'ENDED' then 'ended'
                    else 'exited' end, t.occurred_at, j.journey_sk, st.stage_sk, %1$s, s.customer_id,
                extract(epoch from t.occurred_at - s.entered_at), null::integer, null::timestamptz
            from silver.journey_transition t
            join silver.retail_journey_state_real_time s using (instance_id)
            join gold.dim_journey j on j.journey_key = s.journey_id and j.version = s.journey_version
            left join gold.dim_stage st on st.journey_sk = j.journey_sk and st.stage = t.stage
            where t.kind in ('GOAL_REACHED', 'ENDED', 'EXITED') and %3$s
            union all
            select a.instance_id, 'abandoned', a.abandonment_timestamp, j.journey_sk, st.stage_sk, %2$s,
                a.customer_id, extract(epoch from a.abandonment_timestamp - s.entered_at), a.recovery_attempt_count,
                a.recovered_at
            from silver.retail_journey_abandonment a
            join silver.retail_journey_state_real_time s using (instance_id)
            join gold.dim_journey j on j.journey_key = a.journey_id and j.version = a.journey_version
            left join gold.dim_stage st on st.journey_sk = j.journey_sk and st.stage = a.abandonment_stage
            where %4$s
            on conflict do nothing""".formatted(DAY.formatted("t.occurred_at"),
                    DAY.formatted("a.abandonment_timestamp"), FOR.formatted("s.customer_id"),
                    FOR.formatted("a.customer_id")),
            """
            insert into gold.dim_channel (channel)
            select distinct channel from silver.marketing_touchpoint where %s
            on conflict do nothing""".formatted(FOR.formatted("customer_id")),
            """
            insert into gold.dim_campaign (campaign_id)
            select distinct coalesce(campaign_id, '%s') from silver.marketing_touchpoint where %s
            on conflict do nothing""".formatted(NO_CAMPAIGN, FOR.formatted("customer_id")),
            // the (channel, campaign, day) cells the customers touched, summed over every touch in them
            """
            with cells as (
                select distinct channel, coalesce(campaign_id, '%1$s') as campaign,
                    (touched_at at time zone 'UTC')::date as day
                from silver.marketing_touchpoint where %2$s),
            sums as (
                select c.channel, c.campaign, c.day, count(*) as touches, sum(t.cost) as cost
                from cells c join silver.marketing_touchpoint t on t.channel = c.channel
                    and coalesce(t.campaign_id, '%1$s') = c.campaign
                    and t.touched_at >= c.day::timestamp at time zone 'UTC'
                    and t.touched_at < (c.day + 1)::timestamp at time zone 'UTC'
                group by c.channel, c.campaign, c.day)
            insert into gold.fact_channel_cost (channel_sk, campaign_sk, date_key, touches, cost)
            select ch.channel_sk, ca.campaign_sk, to_char(s.day, 'YYYYMMDD')::integer, s.touches, s.cost
            from sums s join gold.dim_channel ch on ch.channel = s.channel
            join gold.dim_campaign ca on ca.campaign_id = s.campaign
            on conflict (channel_sk, campaign_sk, date_key) do update set touches = excluded.touches,
                cost = excluded.cost""".formatted(NO_CAMPAIGN, FOR.formatted("customer_id")),
            "delete from gold.fact_attribution_credit where " + FOR.formatted("customer_id"));

    private static final String PATHS = """
            select v.conversion_id, v.customer_id, v.value::float8, %s,
                array_agg(t.channel || '%s' || coalesce(t.campaign_id, '%s') order by t.touched_at, t.touchpoint_id),
                array_agg((extract(epoch from v.converted_at - t.touched_at) / 86400.0)::float8
                    order by t.touched_at, t.touchpoint_id)
            from silver.journey_conversion v
            join silver.marketing_touchpoint t on t.customer_id = v.customer_id and t.touched_at <= v.converted_at
                and t.touched_at > v.converted_at - make_interval(days => %d)
            where %s
            group by v.conversion_id, v.customer_id, v.value, v.converted_at""".formatted(
            DAY.formatted("v.converted_at"), TOKEN, NO_CAMPAIGN, TouchpointPaths.DEFAULT_LOOKBACK_DAYS,
            FOR.formatted("v.customer_id"));

    private final List<AttributionModel> models = AttributionModels.perConversion(
            TouchpointPaths.DEFAULT_HALF_LIFE_DAYS);

    /** Brings the star up to date for {@code customers}. */
    public Uni<Void> refresh(SqlConnection tx, Collection<String> customers) {
        if (customers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return run(tx, Tuple.of((Object) customers.toArray(String[]::new)));
    }

    /** The journey dimension: every version and its status (publication changes it). */
    public Uni<Void> journeys(SqlConnection tx) {
        return tx.query(JOURNEYS).execute().replaceWithVoid();
    }

    private Uni<Void> run(SqlConnection tx, Tuple customers) {
        Uni<?> done = journeys(tx);
        for (String sql : STATEMENTS) {
            done = done.chain(() -> tx.preparedQuery(sql).execute(customers));
        }
        return done.chain(() -> tx.preparedQuery(PATHS).execute(customers)).chain(paths -> credit(tx, paths));
    }

    /** Each conversion's path through every per-conversion model, written as one insert. */
    private Uni<Void> credit(SqlConnection tx, RowSet<Row> paths) {
        List<String> conversion = new ArrayList<>();
        List<String> model = new ArrayList<>();
        List<String> channel = new ArrayList<>();
        List<String> campaign = new ArrayList<>();
        List<Integer> day = new ArrayList<>();
        List<String> customer = new ArrayList<>();
        List<Double> credit = new ArrayList<>();
        List<Double> value = new ArrayList<>();
        for (Row r : paths) {
            TouchpointPath path = TouchpointPaths.path(r.getArrayOfStrings(4), r.getArrayOfDoubles(5), 1,
                    r.getDouble(2), 0);
            PathSet one = PathSet.of(List.of(path));
            for (AttributionModel m : models) {
                AttributionResult result = m.attribute(one);
                for (int c = 0; c < result.channels().size(); c++) {
                    String[] token = result.channels().get(c).split(TOKEN, 2);
                    conversion.add(r.getString(0));
                    model.add(m.name());
                    channel.add(token[0]);
                    campaign.add(token[1]);
                    day.add(r.getInteger(3));
                    customer.add(r.getString(1));
                    credit.add(result.conversions()[c]);
                    value.add(result.value()[c]);
                }
            }
        }
        if (conversion.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                insert into gold.fact_attribution_credit (conversion_id, model, channel_sk, campaign_sk, date_key,
                    customer_id, credit, credited_value)
                select x.conversion_id, x.model, ch.channel_sk, ca.campaign_sk, x.date_key, x.customer_id, x.credit,
                    x.credited_value
                from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::float8[],
                    $8::float8[]) as x (conversion_id, model, channel, campaign, date_key, customer_id, credit,
                    credited_value)
                join gold.dim_channel ch on ch.channel = x.channel
                join gold.dim_campaign ca on ca.campaign_id = x.campaign""")
                .execute(Tuple.from(new Object[] { conversion.toArray(String[]::new), model.toArray(String[]::new),
                        channel.toArray(String[]::new), campaign.toArray(String[]::new), day.toArray(Integer[]::new),
                        customer.toArray(String[]::new), credit.toArray(Double[]::new), value.toArray(Double[]::new) }))
                .replaceWithVoid();
    }

    @Override
    public String name() {
        return "gold journey star";
    }

    @Override
    public int order() {
        return 200;
    }

    /** Facts from scratch (dimensions keep their keys); null customers = all of them. */
    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query("delete from gold.fact_journey_transition").execute()
                .chain(() -> tx.query("delete from gold.fact_channel_cost").execute())
                .chain(() -> run(tx, Tuple.of((Object) null)));
    }
}
