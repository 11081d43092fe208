package org.retailcx.sales.metrics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The lead funnel and activity metrics, read from gold. */
@ApplicationScoped
public class LeadMetrics {

    /** One funnel stage: its count, and its rate against the stage before and against all leads. */
    @RegisterForReflection
    public record Stage(String stage, long count, Double rateFromPrevious, Double rateFromLeads) {
    }

    /**
     * The cohort funnel of the leads created in the period, and beside it the CRM's plain lead conversion rate:
     * converted leads (status Converted or an opportunity) ÷ all leads created in the period.
     */
    @RegisterForReflection
    public record Funnel(LocalDate from, LocalDate to, long leads, long qualified, long opportunities, long won,
            long wonCustomers, List<Stage> stages, Double avgDaysLeadToOpportunity, Double avgDaysOpportunityToWon,
            Double avgDaysLeadToWon, long converted, Double leadConversionRate) {
    }

    @RegisterForReflection
    public record ActivityCount(String repId, String activityType, String outcome, long activities,
            long durationMinutes) {
    }

    @RegisterForReflection
    public record Activities(LocalDate from, LocalDate to, long activities, List<ActivityCount> byRepTypeOutcome) {
    }

    private final Pool pool;

    public LeadMetrics(Pool pool) {
        this.pool = pool;
    }

    /**
     * Golden leads created in the period, how many were qualified, reached an opportunity and were won. Rep, team and
     * territory are the lead's rep's current ones (rollUp=at-date: as of the lead's creation), product the
     * opportunity's (else the lead's).
     */
    public Uni<Funnel> funnel(MetricFilter filter) {
        MetricFilter.Condition where = filter.condition(new MetricFilter.Columns("f.lead_created_date", "f.rep_id",
                "r.team", "t.path", "p.product_code", "ls.lead_source"), 1);
        return pool.preparedQuery("""
                select count(*), count(*) filter (where f.is_qualified),
                       count(*) filter (where f.opportunity_id is not null), count(*) filter (where f.won_date is not null),
                       count(distinct f.customer_id) filter (where f.won_date is not null),
                       avg(f.days_lead_to_opportunity)::float8, avg(f.days_opportunity_to_won)::float8,
                       avg(f.days_lead_to_won)::float8, count(*) filter (where f.is_converted)
                from gold.fact_sales_conversions f
                """ + filter.dimensionJoins("f") + " where " + where.sql())
                .execute(Tuple.from(where.params()))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    long leads = r.getLong(0);
                    long qualified = r.getLong(1);
                    long opportunities = r.getLong(2);
                    long won = r.getLong(3);
                    List<Stage> stages = List.of(new Stage("leads", leads, null, leads == 0 ? null : 1.0),
                            stage("qualified", qualified, leads, leads),
                            stage("opportunities", opportunities, qualified, leads),
                            stage("won", won, opportunities, leads));
                    return new Funnel(filter.fromDate(), filter.toDate(), leads, qualified, opportunities, won,
                            r.getLong(4), stages, r.getDouble(5), r.getDouble(6), r.getDouble(7), r.getLong(8),
                            leads == 0 ? null : (double) r.getLong(8) / leads);
                });
    }

    private static Stage stage(String name, long count, long previous, long leads) {
        return new Stage(name, count, previous == 0 ? null : (double) count / previous,
                leads == 0 ? null : (double) count / leads);
    }

    /**
     * Activities in the period by rep, type and outcome; team and territory are the rep's current ones
     * (rollUp=at-date: on the activity date). Whole
     * months come from {@code gold.fact_sales_activity_monthly}, the partial months at the period's edges from the fact.
     */
    public Uni<Activities> activities(MetricFilter filter) {
        LocalDate from = filter.fromDate();
        LocalDate to = filter.toDate();
        MetricFilter.Condition where = filter.condition(new MetricFilter.Columns(null, "c.rep_id", "r.team", "t.path",
                null, null), 7);
        LocalDate firstFull = from == null || from.getDayOfMonth() == 1 ? from : from.plusMonths(1).withDayOfMonth(1);
        LocalDate lastFull = to == null || to.equals(YearMonth.from(to).atEndOfMonth()) ? to
                : to.withDayOfMonth(1).minusDays(1);
        List<Object> params = new ArrayList<>();
        if (firstFull != null && lastFull != null && firstFull.isAfter(lastFull)) {
            // no whole month: everything from the fact
            params.addAll(List.of(1, 0, dateKey(from), dateKey(to), 1, 0));
        } else {
            params.add(firstFull == null ? 0 : dateKey(firstFull) / 100);
            params.add(lastFull == null ? 999999 : dateKey(lastFull) / 100);
            params.addAll(from == null || from.equals(firstFull) ? List.of(1, 0)
                    : List.of(dateKey(from), dateKey(firstFull.minusDays(1))));
            params.addAll(to == null || to.equals(lastFull) ? List.of(1, 0)
                    : List.of(dateKey(lastFull.plusDays(1)), dateKey(to)));
        }
        params.addAll(where.params());
        return pool.preparedQuery("""
                with cells as (
                  select m.rep_key, m.rep_id, m.activity_type_key, m.outcome, m.activities, m.duration_minutes
                  from gold.fact_sales_activity_monthly m where m.month_key between $1 and $2
                  union all
                  select f.rep_key, f.rep_id, f.activity_type_key, coalesce(f.outcome, 'none'), 1,
                         coalesce(f.duration_minutes, 0)
                  from gold.fact_sales_activities f
                  where f.date_key between $3 and $4 or f.date_key between $5 and $6)
                select c.rep_id, at.activity_type, c.outcome, sum(c.activities)::bigint,
                       sum(c.duration_minutes)::bigint
                from cells c
                join gold.dim_activity_type at on at.activity_type_key = c.activity_type_key
                """ + filter.repJoin("c.rep_key") + " where " + where.sql() + """

                group by 1, 2, 3 order by 1, 2, 3""")
                .execute(Tuple.from(params))
                .map(rows -> {
                    List<ActivityCount> counts = new ArrayList<>();
                    long total = 0;
                    for (Row r : rows) {
                        counts.add(new ActivityCount(r.getString(0), r.getString(1), r.getString(2), r.getLong(3),
                                r.getLong(4)));
                        total += r.getLong(3);
                    }
                    return new Activities(from, to, total, counts);
                });
    }

    /** The {@code gold.dim_date} key of a day: yyyymmdd. */
    private static int dateKey(LocalDate date) {
        return date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }
}
