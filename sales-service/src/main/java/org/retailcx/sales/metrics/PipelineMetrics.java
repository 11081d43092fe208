package org.retailcx.sales.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.sales.metrics.PipelineReports.Attainment;
import org.retailcx.sales.metrics.PipelineReports.Forecast;
import org.retailcx.sales.metrics.PipelineReports.Movement;
import org.retailcx.sales.metrics.PipelineReports.Pipeline;
import org.retailcx.sales.metrics.PipelineReports.QuotaAttainment;
import org.retailcx.sales.metrics.PipelineReports.RepAttainment;
import org.retailcx.sales.metrics.PipelineReports.SalesCycle;
import org.retailcx.sales.metrics.PipelineReports.StageConversion;
import org.retailcx.sales.metrics.PipelineReports.StageConversions;
import org.retailcx.sales.metrics.PipelineReports.StageValue;
import org.retailcx.sales.metrics.PipelineReports.WinRate;
import org.retailcx.sales.model.PipelineMovement;
import org.retailcx.sales.model.PipelineMovement.State;
import org.retailcx.sales.model.PipelineMovement.Status;
import org.retailcx.sales.model.QuotaProration;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The pipeline metrics, read from the gold star (fact_sales_opportunities, fact_sales_pipeline_daily and their
 * dimensions) and, for movement and stage conversion, the state spans derived from the silver change history. Rep,
 * team and territory filters apply to the rep version the fact row points at; product and source to the opportunity.
 */
@ApplicationScoped
public class PipelineMetrics {

    /**
     * The opportunity fact with the dimensions this filter needs (see {@link MetricFilter#filtersRep()}): the rep
     * (r, t) as the filter rolls up, product p, lead source ls, and the stage st when a metric reads it. Every fact
     * row has its dimension rows (unknown members included), so leaving out a join does not change the result.
     */
    private static String facts(MetricFilter filter, boolean withStage) {
        StringBuilder sql = new StringBuilder("gold.fact_sales_opportunities f");
        if (withStage) {
            sql.append("\njoin gold.dim_sales_stage st on st.stage_key = f.stage_key");
        }
        return sql.append(filter.dimensionJoins("f")).append("""

                left join gold.dim_date dc on dc.date_key = f.closed_date_key
                left join gold.dim_date de on de.date_key = f.expected_close_date_key""").toString();
    }

    private static String facts(MetricFilter filter) {
        return facts(filter, false);
    }

    private final Pool pool;
    private final QuotaProration.Scope quotaScope;

    public PipelineMetrics(Pool pool,
            @ConfigProperty(name = "retailcx.sales.quota.scope", defaultValue = "run-rate") String quotaScope) {
        this.pool = pool;
        this.quotaScope = QuotaProration.Scope.ofConfigName(quotaScope);
    }

    private static MetricFilter.Columns columns(String date) {
        return new MetricFilter.Columns(date, "r.rep_id", "r.team", "t.path", "p.product_code", "ls.lead_source");
    }

    /**
     * Open pipeline by stage: now from the fact, or as of the end of {@code asOf} (UTC) from the change history, the
     * same rule the daily snapshots follow, so every past date answers whether or not its snapshot was taken. A
     * period filters on the expected close date (as of then); rep, team and territory on the owner's version valid
     * on {@code asOf}.
     */
    public Uni<Pipeline> pipeline(MetricFilter filter, LocalDate asOf) {
        String sql;
        List<Object> params = new ArrayList<>();
        if (asOf == null) {
            var c = filter.condition(columns("de.calendar_date"), 1);
            params.addAll(c.params());
            sql = """
                    select st.stage_name, st.stage_order, count(x.opportunity_id), coalesce(sum(x.amount), 0.00),
                           coalesce(sum(x.weighted_amount), 0.00)
                    from gold.dim_sales_stage st
                    left join (select f.stage_key, f.opportunity_id, f.amount, f.weighted_amount from %s
                               where not f.is_closed and %s) x on x.stage_key = st.stage_key
                    where not st.is_closed group by 1, 2 order by 2""".formatted(facts(filter), c.sql());
        } else {
            if (asOf.isAfter(LocalDate.now(ZoneOffset.UTC))) {
                throw ProblemException.invalid("asOf", "must not be in the future: the pipeline of a later day is "
                        + "not known yet (omit asOf for now)");
            }
            var c = filter.condition(new MetricFilter.Columns("s.close_date", "r.rep_id", "r.team", "t.path",
                    "g.product_interest", "g.lead_source"), 2);
            params.add(asOf);
            params.addAll(c.params());
            // A span holds its state on valid_from < t <= valid_to; t = the end of asOf. Only open stages count,
            // which the partial range index retail_sales_opportunity_state_span_open holds (V72). The golden
            // opportunity (owner, product, source) is joined only for a filter on them.
            String golden = filter.filtersRep() || filter.filtersProduct() || filter.filtersSource()
                    ? "join silver.retail_sales_opportunity_golden g on g.opportunity_id = s.opportunity_id"
                            + filter.repJoinIfFiltered("g.owner_id", "$1::date")
                    : "";
            sql = """
                    select st.stage_name, st.stage_order, count(x.opportunity_id), coalesce(sum(x.amount), 0.00),
                           coalesce(sum(x.weighted_amount), 0.00)
                    from gold.dim_sales_stage st
                    left join (select s.stage, s.opportunity_id, s.amount,
                                      round(coalesce(s.amount, 0) * s.probability / 100, 2) as weighted_amount
                               from silver.retail_sales_opportunity_state_span s
                               %s
                               where tstzrange(s.valid_from, s.valid_to, '(]')
                                     @> (($1::date + 1)::timestamp at time zone 'UTC')
                                 and s.stage not in ('Closed Won', 'Closed Lost') and %s
                              ) x on x.stage = st.stage_name
                    where not st.is_closed group by 1, 2 order by 2""".formatted(golden, c.sql());
        }
        return query(sql, params).map(rows -> {
            List<StageValue> stages = new ArrayList<>();
            long count = 0;
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal weighted = BigDecimal.ZERO;
            for (Row row : rows) {
                var stage = new StageValue(row.getString(0), row.getInteger(1), row.getLong(2), row.getBigDecimal(3),
                        row.getBigDecimal(4));
                stages.add(stage);
                count += stage.count();
                amount = amount.add(stage.amount());
                weighted = weighted.add(stage.weightedAmount());
            }
            return new Pipeline(asOf, stages, count, amount, weighted);
        });
    }

    /** Won / (won + lost), by count and by value, for deals closed in the period. */
    public Uni<WinRate> winRate(MetricFilter filter) {
        var c = filter.condition(columns("dc.calendar_date"), 1);
        String sql = """
                select count(*) filter (where f.is_won), count(*) filter (where not f.is_won),
                       coalesce(sum(f.amount) filter (where f.is_won), 0.00),
                       coalesce(sum(f.amount) filter (where not f.is_won), 0.00)
                from %s where f.is_closed and %s""".formatted(facts(filter), c.sql());
        return query(sql, c.params()).map(rows -> {
            Row row = rows.iterator().next();
            long won = row.getLong(0);
            long lost = row.getLong(1);
            BigDecimal wonAmount = row.getBigDecimal(2);
            BigDecimal lostAmount = row.getBigDecimal(3);
            return new WinRate(filter.fromDate(), filter.toDate(), won, lost, wonAmount, lostAmount,
                    QuotaProration.percent(BigDecimal.valueOf(won), BigDecimal.valueOf(won + lost)),
                    QuotaProration.percent(wonAmount, wonAmount.add(lostAmount)));
        });
    }

    /** Average and median days created → Closed Won, for deals won in the period. */
    public Uni<SalesCycle> salesCycle(MetricFilter filter) {
        var c = filter.condition(columns("dc.calendar_date"), 1);
        String sql = """
                select count(*), round(avg(f.sales_cycle_days), 2),
                       round((percentile_cont(0.5) within group (order by f.sales_cycle_days))::numeric, 2),
                       min(f.sales_cycle_days), max(f.sales_cycle_days)
                from %s where f.is_won and %s""".formatted(facts(filter), c.sql());
        return query(sql, c.params()).map(rows -> {
            Row row = rows.iterator().next();
            return new SalesCycle(filter.fromDate(), filter.toDate(), row.getLong(0), row.getBigDecimal(1),
                    row.getBigDecimal(2), row.getInteger(3), row.getInteger(4));
        });
    }

    /**
     * Won amount in the period over the quota scaled to the period, per rep (quota from the version valid on the
     * period's last day, by {@link QuotaProration#forPeriod}, the rule the commission engine uses), with team and
     * territory roll-ups (Σ won / Σ quota; a territory includes its sub-territories) as the filter rolls up: the
     * rep's current team, or with {@code rollUp=at-date} the team of that version.
     */
    public Uni<QuotaAttainment> quotaAttainment(MetricFilter filter) {
        LocalDate[] period = filter.requiredPeriod();
        var repCondition = filter.condition(new MetricFilter.Columns(null, "q.rep_id", "r.team", "t.path", null, null), 3);
        var dealCondition = filter.condition(new MetricFilter.Columns(null, null, null, null, "p.product_code",
                "ls.lead_source"), 3 + repCondition.params().size());
        List<Object> params = new ArrayList<>(List.of(period[0], period[1]));
        params.addAll(repCondition.params());
        params.addAll(dealCondition.params());
        String sql = """
                with reps as (
                  select q.rep_id, q.name, r.team, r.territory_id, t.path, q.quota_amount, q.quota_period
                  from gold.dim_sales_rep q %s
                  where q.valid_from <= $2 and q.valid_to > $2 and %s),
                won as (
                  select wr.rep_id, sum(f.amount) as amount
                  from gold.fact_sales_opportunities f
                  join gold.dim_sales_rep wr on wr.rep_key = f.rep_key
                  join gold.dim_date dc on dc.date_key = f.closed_date_key
                  join gold.dim_product p on p.product_key = f.product_key
                  join gold.dim_lead_source ls on ls.lead_source_key = f.lead_source_key
                  where f.is_won and dc.calendar_date between $1 and $2 and %s
                  group by wr.rep_id)
                select reps.*, coalesce(won.amount, 0.00) from reps left join won on won.rep_id = reps.rep_id
                order by reps.rep_id""".formatted(filter.repJoin("q.rep_key"), repCondition.sql(),
                dealCondition.sql());
        return query(sql, params).map(rows -> {
            List<RepAttainment> reps = new ArrayList<>();
            Map<String, BigDecimal[]> teams = new TreeMap<>();
            Map<String, BigDecimal[]> territories = new TreeMap<>();
            for (Row row : rows) {
                BigDecimal quota = QuotaProration.forPeriod(row.getBigDecimal("quota_amount"),
                        row.getString("quota_period"), period[0], period[1], quotaScope);
                BigDecimal won = row.getBigDecimal(7);
                reps.add(new RepAttainment(row.getString("rep_id"), row.getString("name"), row.getString("team"),
                        row.getString("territory_id"), row.getString("quota_period"), quota, won,
                        QuotaProration.percent(won, quota)));
                if (row.getString("team") != null) {
                    accumulate(teams, row.getString("team"), quota, won);
                }
                String[] path = row.getArrayOfStrings("path");
                for (String territory : path == null ? new String[0] : path) {
                    accumulate(territories, territory, quota, won);
                }
            }
            return new QuotaAttainment(period[0], period[1], reps, rollUp(teams), rollUp(territories));
        });
    }

    /** For each open stage: entries in the period, how many advanced, conversion % and days in stage. */
    public Uni<StageConversions> stageConversion(MetricFilter filter) {
        var period = filter.condition(new MetricFilter.Columns("(e.valid_from at time zone 'UTC')::date", null, null,
                null, null, null), 1);
        List<Object> params = new ArrayList<>(period.params());
        String dimensions = dimensionFilter(filter, "e.opportunity_id", 1 + params.size(), params);
        // Each entry carries whether it advanced and its days in stage (V74): one index-only range scan.
        String sql = """
                select st.stage_name, st.stage_order, coalesce(x.entered, 0), coalesce(x.advanced, 0),
                       coalesce(x.left_stage, 0), x.avg_days, x.median_days
                from gold.dim_sales_stage st
                left join (
                  select e.stage, count(*) as entered, count(*) filter (where e.advances) as advanced,
                         count(e.stage_left_at) as left_stage, round(avg(e.days_in_stage)::numeric, 2) as avg_days,
                         round((percentile_cont(0.5) within group (order by e.days_in_stage))::numeric, 2)
                           as median_days
                  from silver.retail_sales_opportunity_state_span e
                  where e.enters_stage and e.stage not in ('Closed Won', 'Closed Lost') and %s%s
                  group by e.stage) x on x.stage = st.stage_name
                where not st.is_closed order by 2""".formatted(period.sql(), dimensions);
        return query(sql, params).map(rows -> {
            List<StageConversion> stages = new ArrayList<>();
            for (Row row : rows) {
                long entered = row.getLong(2);
                long advanced = row.getLong(3);
                stages.add(new StageConversion(row.getString(0), row.getInteger(1), entered, advanced, row.getLong(4),
                        QuotaProration.percent(BigDecimal.valueOf(advanced), BigDecimal.valueOf(entered)),
                        row.getBigDecimal(5), row.getBigDecimal(6)));
            }
            return new StageConversions(filter.fromDate(), filter.toDate(), stages);
        });
    }

    /** The waterfall between the start of {@code from} and the end of {@code to}, classified by {@link PipelineMovement}. */
    public Uni<Movement> movement(MetricFilter filter) {
        LocalDate[] window = filter.requiredPeriod();
        List<Object> params = new ArrayList<>(List.of(window[0].atStartOfDay().atOffset(ZoneOffset.UTC),
                window[1].plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), window[0], window[1]));
        String dimensions = dimensionFilter(filter, "x.opportunity_id", 5, params);
        // A span holds its state on valid_from < t <= valid_to. An opportunity that changed in the window has its
        // end state in a span starting in it and its start state (if any) in one ending in it; one that did not
        // change has one span across the window, and counts only while open with its close date in the window
        // (found through the open-span range index, V72).
        String sql = """
                with ends as (
                  select opportunity_id, stage, amount, close_date from silver.retail_sales_opportunity_state_span
                  where valid_from >= $1 and valid_from < $2 and (valid_to is null or valid_to >= $2)),
                starts as (
                  select opportunity_id, stage, amount, close_date from silver.retail_sales_opportunity_state_span
                  where valid_to >= $1 and valid_to < $2 and valid_from < $1),
                pairs as (
                  select e.opportunity_id, s.stage as s_stage, s.amount as s_amount, s.close_date as s_close,
                         e.stage as e_stage, e.amount as e_amount, e.close_date as e_close
                  from ends e left join starts s on s.opportunity_id = e.opportunity_id
                  union all
                  select opportunity_id, stage, amount, close_date, stage, amount, close_date
                  from silver.retail_sales_opportunity_state_span
                  where close_date between $3 and $4 and stage not in ('Closed Won', 'Closed Lost')
                    and tstzrange(valid_from, valid_to, '(]') @> tstzrange($1, $2, '[]'))
                select ss.is_closed as s_closed, ss.is_won as s_won, x.s_amount, x.s_close,
                       es.is_closed as e_closed, es.is_won as e_won, x.e_amount, x.e_close
                from pairs x
                left join gold.dim_sales_stage ss on ss.stage_name = x.s_stage
                join gold.dim_sales_stage es on es.stage_name = x.e_stage
                where ((not es.is_closed and x.e_close between $3 and $4)
                       or (not ss.is_closed and x.s_close between $3 and $4)
                       or (es.is_closed and not coalesce(ss.is_closed, false)))%s""".formatted(dimensions);
        return query(sql, params).map(rows -> {
            PipelineMovement movement = new PipelineMovement(window[0], window[1]);
            for (Row row : rows) {
                State start = row.getBoolean("s_closed") == null ? State.absent()
                        : new State(status(row.getBoolean("s_closed"), row.getBoolean("s_won")),
                                row.getBigDecimal("s_amount"), row.getLocalDate("s_close"));
                State end = new State(status(row.getBoolean("e_closed"), row.getBoolean("e_won")),
                        row.getBigDecimal("e_amount"), row.getLocalDate("e_close"));
                movement.add(start, end);
            }
            var w = movement.waterfall();
            return new Movement(window[0], window[1], cents(w.starting()), cents(w.created()), cents(w.increased()),
                    cents(w.decreased()), cents(w.pulledIn()), cents(w.pushedOut()), cents(w.won()), cents(w.lost()),
                    cents(w.ending()));
        });
    }

    /**
     * {@code and <id> in (the opportunities whose fact matches the rep, team, territory, product and source filters)},
     * its parameters appended from {@code $firstParam}; empty without such a filter. Every opportunity in the change
     * history has its fact row (both follow the same valid versions in the ingestion transaction), so skipping the
     * fact join then leaves the result as it is.
     */
    private static String dimensionFilter(MetricFilter filter, String idColumn, int firstParam, List<Object> params) {
        var c = filter.condition(columns(null), firstParam);
        if (c.sql().equals("true")) {
            return "";
        }
        params.addAll(c.params());
        return " and %s in (select f.opportunity_id from %s where %s)".formatted(idColumn, facts(filter), c.sql());
    }

    /** Closed (won in the period) and open deals expected to close in it, by forecast category. */
    public Uni<Forecast> forecast(MetricFilter filter) {
        LocalDate[] period = filter.requiredPeriod();
        var c = filter.condition(columns(null), 5);
        List<Object> params = new ArrayList<>(List.of(period[0], period[1], dateKey(period[0]), dateKey(period[1])));
        params.addAll(c.params());
        String sql = """
                select coalesce(sum(f.amount) filter (where f.is_won and dc.calendar_date between $1 and $2), 0.00),
                       coalesce(sum(f.amount) filter (where o.is_open and st.forecast_category = 'Commit'), 0.00),
                       coalesce(sum(f.amount) filter (where o.is_open and st.forecast_category = 'Best Case'), 0.00),
                       coalesce(sum(f.amount) filter (where o.is_open and st.forecast_category = 'Pipeline'), 0.00),
                       coalesce(sum(f.weighted_amount) filter (where o.is_open), 0.00)
                from %s
                cross join lateral (select not f.is_closed and de.calendar_date between $1 and $2 as is_open) o
                where (f.closed_date_key between $3 and $4 or f.expected_close_date_key between $3 and $4)
                  and %s""".formatted(facts(filter, true), c.sql());
        return query(sql, params).map(rows -> {
            Row row = rows.iterator().next();
            BigDecimal closed = row.getBigDecimal(0);
            BigDecimal commit = row.getBigDecimal(1);
            BigDecimal bestCase = row.getBigDecimal(2);
            return new Forecast(period[0], period[1], closed, commit, bestCase, row.getBigDecimal(3),
                    row.getBigDecimal(4), closed.add(commit), closed.add(commit).add(bestCase));
        });
    }

    private Uni<RowSet<Row>> query(String sql, List<Object> params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params));
    }

    private static Status status(boolean closed, boolean won) {
        return !closed ? Status.OPEN : won ? Status.WON : Status.LOST;
    }

    private static PipelineMovement.Bucket cents(PipelineMovement.Bucket bucket) {
        return new PipelineMovement.Bucket(bucket.amount().setScale(2, RoundingMode.HALF_UP), bucket.count());
    }

    private static int dateKey(LocalDate date) {
        return date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    private static void accumulate(Map<String, BigDecimal[]> totals, String key, BigDecimal quota, BigDecimal won) {
        BigDecimal[] sum = totals.computeIfAbsent(key, k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
        if (quota != null) {
            sum[0] = sum[0].add(quota);
        }
        sum[1] = sum[1].add(won);
    }

    private static List<Attainment> rollUp(Map<String, BigDecimal[]> totals) {
        List<Attainment> result = new ArrayList<>();
        totals.forEach((key, sum) -> result.add(new Attainment(key, null, sum[0].setScale(2, RoundingMode.HALF_UP),
                sum[1], QuotaProration.percent(sum[1], sum[0]))));
        return result;
    }
}
