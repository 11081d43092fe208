package org.retailcx.journey.pipeline.gold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Channel and campaign returns read from the gold star: per model, the credit the conversions of the days
 * [from, to] gave each channel and campaign, the cost spent on it those days, and ROI = (credited value − cost) / cost
 * (null without cost).
 */
@ApplicationScoped
public class StarReturns {

    @RegisterForReflection
    public record Row(String model, String channel, String campaign, double conversions, double value, double cost,
            Double roi) {
    }

    private final Pool pool;

    public StarReturns(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Row>> between(LocalDate from, LocalDate to) {
        return pool.preparedQuery("""
                with credit as (
                    select f.model, f.channel_sk, f.campaign_sk, sum(f.credit) as conversions,
                        sum(f.credited_value) as value
                    from gold.fact_attribution_credit f join gold.dim_date d using (date_key)
                    where d.date between $1 and $2
                    group by f.model, f.channel_sk, f.campaign_sk),
                cost as (
                    select c.channel_sk, c.campaign_sk, sum(c.cost)::float8 as cost
                    from gold.fact_channel_cost c join gold.dim_date d using (date_key)
                    where d.date between $1 and $2
                    group by c.channel_sk, c.campaign_sk)
                select m.model, ch.channel, ca.campaign_id, coalesce(cr.conversions, 0), coalesce(cr.value, 0),
                    coalesce(co.cost, 0)
                from (select distinct model from credit) m
                cross join (select channel_sk, campaign_sk from credit union select channel_sk, campaign_sk from cost) k
                left join credit cr on cr.model = m.model and cr.channel_sk = k.channel_sk
                    and cr.campaign_sk = k.campaign_sk
                left join cost co on co.channel_sk = k.channel_sk and co.campaign_sk = k.campaign_sk
                join gold.dim_channel ch on ch.channel_sk = k.channel_sk
                join gold.dim_campaign ca on ca.campaign_sk = k.campaign_sk
                order by m.model, ch.channel, ca.campaign_id""").execute(Tuple.of(from, to))
                .map(rows -> {
                    List<Row> out = new ArrayList<>();
                    rows.forEach(r -> {
                        double value = r.getDouble(4);
                        double cost = r.getDouble(5);
                        out.add(new Row(r.getString(0), r.getString(1), r.getString(2), r.getDouble(3), value, cost,
                                cost > 0 ? (value - cost) / cost : null));
                    });
                    return out;
                });
    }
}
