package org.retailcx.sales.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;
import org.retailcx.sales.model.QuotaProration;
import org.retailcx.sales.model.commission.CommissionCalculator;
import org.retailcx.sales.model.commission.CommissionLedger;
import org.retailcx.sales.model.commission.CommissionPlan;
import org.retailcx.sales.model.commission.CommissionType;
import org.retailcx.sales.model.commission.Deal;
import org.retailcx.sales.model.commission.Entitlement;
import org.retailcx.sales.model.commission.LineKind;
import org.retailcx.sales.model.commission.QuotaPeriod;
import org.retailcx.schema.EventCatalog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The commission engine. When opportunities arrive, it reprices every (rep, quota period) that holds a deal of the
 * batch (won, reversed, re-owned or changed) from the golden opportunities, and books the difference to the ledger
 * ({@code silver.retail_sales_commission_line}, {@code gold.fact_sales_commissions}) with one
 * {@code commission.calculated} event per line. Repricing whole periods makes the result independent of arrival
 * order (a deal arriving late for an earlier date reprices the deals after it) and re-sending a version books
 * nothing.
 * <p>
 * Terms: a rep's {@code dim_sales_rep} version in force on the period's first day (else their first version) gives
 * the plan, rate and quota. The plan ({@code commission_plan_id}, version in effect on that day) wins; without a
 * known plan the rep's own {@code commission_rate} applies to every type, flat, over the rep's quota period; with
 * neither the rep earns nothing.
 */
@ApplicationScoped
public class CommissionEngine implements BronzeListener {

    /** Runs after the opportunity pipeline (order 100) has brought the golden records up to date. */
    public static final int ORDER = 150;

    private static final Pattern QUARTER_LABEL = Pattern.compile("\\d{4}-Q[1-4]");
    private static final Pattern YEAR_LABEL = Pattern.compile("\\d{4}");
    private static final String BATCH_OPPORTUNITIES =
            "select opportunity_id from bronze.retail_sales_opportunities where batch_id = any($1)";
    /** The rep version in force on u.d, else the rep's first version. */
    private static final String REP_AT = """
            left join gold.dim_sales_rep r on r.rep_key = %s""".formatted(RepVersions.keyOn("u.rep_id", "u.d"));

    private final CommissionPlans plans;
    private final CommissionReconciliation reconciliation;
    private final Outbox outbox;
    private final int defaultClawbackWindowDays;
    private final QuotaProration.Scope quotaScope;

    public CommissionEngine(CommissionPlans plans, CommissionReconciliation reconciliation, Outbox outbox,
            @ConfigProperty(name = "retailcx.sales.commission.default-clawback-window-days", defaultValue = "90")
            int defaultClawbackWindowDays,
            @ConfigProperty(name = "retailcx.sales.quota.scope", defaultValue = "run-rate") String quotaScope) {
        this.plans = plans;
        this.reconciliation = reconciliation;
        this.outbox = outbox;
        this.defaultClawbackWindowDays = defaultClawbackWindowDays;
        this.quotaScope = QuotaProration.Scope.ofConfigName(quotaScope);
    }

    @Override
    public String source() {
        return SalesSources.OPPORTUNITIES.name();
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return run(tx, batches, """
                select o.owner_id, o.won_date from silver.retail_sales_opportunity_golden o
                where o.account_id in (select g.account_id from silver.retail_sales_opportunity_golden g
                                       where g.opportunity_id in (%1$s))
                  and o.won_date is not null and o.owner_id is not null
                union
                select l.rep_id, l.won_date from silver.retail_sales_commission_line l
                where l.opportunity_id in (%1$s)""".formatted(BATCH_OPPORTUNITIES), batches.tuple());
    }

    /** After a rep batch changed the reps' plan, rate or quota: reprices every period holding a deal of theirs. */
    public Uni<Integer> repriceReps(SqlConnection tx, BronzeBatches batches) {
        return run(tx, batches, """
                select owner_id, won_date from silver.retail_sales_opportunity_golden
                where owner_id in (select rep_id from bronze.retail_sales_reps where batch_id = any($1))
                  and won_date is not null""", batches.tuple());
    }

    /** Reprices every period holding a deal won between the two days (inclusive); books only differences. */
    public Uni<Integer> recalculate(SqlConnection tx, LocalDate from, LocalDate to) {
        return run(tx, null, """
                select owner_id, won_date from silver.retail_sales_opportunity_golden
                where won_date between $1 and $2 and owner_id is not null
                union
                select rep_id, won_date from silver.retail_sales_commission_line where won_date between $1 and $2""",
                Tuple.of(from, to));
    }

    private record Terms(String planId, BigDecimal rate, BigDecimal quota, String quotaPeriod) {
    }

    private record Group(String repId, String period, LocalDate start, LocalDate end) {
        String lockKey() {
            return repId + ":" + period;
        }
    }

    private record Key(String repId, String opportunityId, String type) {
    }

    private record DealRow(Group group, Deal deal, String accountId, String product, String currency) {
    }

    private record Booked(BigDecimal amount, String accountId, LocalDate wonDate, String product, String currency,
            BigDecimal dealAmount, String period) {
    }

    private record NewLine(Key key, LineKind kind, String period, LocalDate wonDate, LocalDate lineDate,
            BigDecimal amount, BigDecimal entitled, BigDecimal dealAmount, BigDecimal rate, BigDecimal multiplier,
            String tier, String planId, String accountId, String product, String currency) {
    }

    private Uni<Integer> run(SqlConnection tx, BronzeBatches batches, String seedSql, Tuple seedParams) {
        return tx.preparedQuery(seedSql).execute(seedParams).chain(seed -> {
            if (seed.size() == 0) {
                return Uni.createFrom().item(0);
            }
            List<String> reps = new ArrayList<>();
            List<LocalDate> days = new ArrayList<>();
            seed.forEach(r -> {
                reps.add(r.getString(0));
                days.add(r.getLocalDate(1));
            });
            return plans.load(tx).chain(book -> terms(tx, reps, days).chain(wonTerms -> {
                Map<String, Group> groups = new LinkedHashMap<>();
                for (int i = 0; i < reps.size(); i++) {
                    CommissionPlan plan = planOf(book, wonTerms.get(i), days.get(i));
                    if (plan != null) {
                        Group g = groupOf(reps.get(i), plan.quotaPeriod(), days.get(i));
                        groups.putIfAbsent(g.lockKey(), g);
                    }
                }
                if (groups.isEmpty()) {
                    return Uni.createFrom().item(0);
                }
                List<Group> ordered = groups.values().stream()
                        .sorted(Comparator.comparing(Group::lockKey)).toList();
                return lock(tx, ordered)
                        .chain(() -> terms(tx, ordered.stream().map(Group::repId).toList(),
                                ordered.stream().map(Group::start).toList()))
                        .chain(groupTerms -> price(tx, batches, book, ordered, groupTerms));
            }));
        });
    }

    private Uni<Integer> price(SqlConnection tx, BronzeBatches batches, CommissionPlans.Book book, List<Group> groups,
            List<Terms> groupTerms) {
        return deals(tx, groups).chain(deals -> booked(tx, groups).chain(booked -> {
            Map<Group, List<DealRow>> dealsByGroup = new HashMap<>();
            deals.forEach(d -> dealsByGroup.computeIfAbsent(d.group(), g -> new ArrayList<>()).add(d));
            List<NewLine> lines = new ArrayList<>();
            Set<Key> priced = new LinkedHashSet<>();
            for (int i = 0; i < groups.size(); i++) {
                Group group = groups.get(i);
                CommissionPlan plan = planOf(book, groupTerms.get(i), group.start());
                List<DealRow> ofGroup = dealsByGroup.getOrDefault(group, List.of());
                if (plan == null || ofGroup.isEmpty()) {
                    continue;
                }
                // Measured against the rep's quota for the plan's period (an annual quota priced per quarter is a
                // quarter of it), by the same rule as quota attainment.
                Terms terms = groupTerms.get(i);
                BigDecimal quota = QuotaProration.forPeriod(terms.quota(), terms.quotaPeriod(), group.start(),
                        group.end(), quotaScope);
                List<Entitlement> entitlements = CommissionCalculator.price(plan, quota,
                        ofGroup.stream().map(DealRow::deal).toList());
                Map<String, DealRow> byId = new HashMap<>();
                ofGroup.forEach(d -> byId.put(d.deal().opportunityId(), d));
                for (Entitlement e : entitlements) {
                    DealRow row = byId.get(e.deal().opportunityId());
                    Key key = new Key(group.repId(), e.deal().opportunityId(), e.deal().type().label());
                    priced.add(key);
                    Booked was = booked.get(key);
                    CommissionLedger.next(was == null ? null : was.amount(), e).ifPresent(line -> lines.add(
                            new NewLine(key, line.kind(), group.period(), e.deal().wonDate(),
                                    line.kind() == LineKind.CLAWBACK ? e.deal().reversedOn() : e.deal().wonDate(),
                                    line.amount(), e.amount(), e.deal().amount(), e.baseRate(), e.multiplier(),
                                    e.tier(), plan.planId(), row.accountId(), row.product(), row.currency())));
                }
            }
            // Keys the ledger holds that no longer apply (the deal changed owner, type or period): back to 0.
            booked.forEach((key, was) -> {
                if (!priced.contains(key)) {
                    CommissionLedger.next(was.amount(), null).ifPresent(line -> lines.add(new NewLine(key,
                            line.kind(), was.period(), was.wonDate(), was.wonDate(), line.amount(), BigDecimal.ZERO,
                            was.dealAmount(), BigDecimal.ZERO, BigDecimal.ZERO, null, null, was.accountId(),
                            was.product(), was.currency())));
                }
            });
            return book(tx, batches, lines);
        }));
    }

    private CommissionPlan planOf(CommissionPlans.Book book, Terms terms, LocalDate day) {
        Optional<CommissionPlan> plan = book.at(terms.planId(), day);
        if (plan.isPresent()) {
            return plan.get();
        }
        return terms.rate() == null ? null
                : CommissionPlan.flatRate(terms.rate(), quotaPeriodOf(terms.quotaPeriod()), defaultClawbackWindowDays);
    }

    /** A rep's quota period is a label (2026-Q4, 2026, 2026-11) or a name (quarter); months when unknown. */
    static QuotaPeriod quotaPeriodOf(String repQuotaPeriod) {
        if (repQuotaPeriod == null) {
            return QuotaPeriod.MONTH;
        }
        if (QUARTER_LABEL.matcher(repQuotaPeriod).matches()) {
            return QuotaPeriod.QUARTER;
        }
        if (YEAR_LABEL.matcher(repQuotaPeriod).matches()) {
            return QuotaPeriod.YEAR;
        }
        return QuotaPeriod.ofApiName(repQuotaPeriod.toLowerCase(Locale.ROOT)).orElse(QuotaPeriod.MONTH);
    }

    private static Group groupOf(String repId, QuotaPeriod period, LocalDate day) {
        return new Group(repId, period.label(day), period.start(day), period.end(day));
    }

    /** Serialises pricing of the same rep and period across concurrent batches (keys in order: no deadlock). */
    private static Uni<Void> lock(SqlConnection tx, List<Group> groups) {
        return tx.preparedQuery("""
                select count(pg_advisory_xact_lock(hashtextextended('sales.commission:' || k, 0)))
                from unnest($1::text[]) k""")
                .execute(Tuple.of(groups.stream().map(Group::lockKey).toArray(String[]::new))).replaceWithVoid();
    }

    private static Uni<List<Terms>> terms(SqlConnection tx, List<String> reps, List<LocalDate> days) {
        return tx.preparedQuery("""
                select r.commission_plan_id, r.commission_rate, r.quota_amount, r.quota_period
                from unnest($1::text[], $2::date[]) with ordinality u(rep_id, d, n)
                """ + REP_AT + " order by u.n")
                .execute(Tuple.of(reps.toArray(String[]::new), days.toArray(LocalDate[]::new)))
                .map(rows -> {
                    List<Terms> terms = new ArrayList<>(rows.size());
                    rows.forEach(r -> terms.add(new Terms(r.getString(0), r.getBigDecimal(1), r.getBigDecimal(2),
                            r.getString(3))));
                    return terms;
                });
    }

    /**
     * The golden deals won by each group's rep in its period, with their type (an account's first currently won deal,
     * by win date then id, is New Account: a cancelled win does not make the next one Cross-Sell; CAC and the
     * conversions use the same definition) and reversal: leaving Closed Won (on the day the new stage began) or a won
     * amount going to 0.
     */
    private static Uni<List<DealRow>> deals(SqlConnection tx, List<Group> groups) {
        return tx.preparedQuery("""
                select u.n, g.opportunity_id, g.account_id, g.product_interest, g.lead_source, g.currency, g.won_date,
                       case when g.stage <> 'Closed Won' then g.stage_entered_at::date
                            when coalesce(g.amount, 0) <= 0 then g.last_changed_at::date end as reversed_on,
                       case when g.stage = 'Closed Won' and g.amount > 0 then g.amount
                            else coalesce((select h.amount_to from silver.retail_sales_opportunity_history h
                                           where h.opportunity_id = g.opportunity_id and h.stage_to = 'Closed Won'
                                             and h.amount_to > 0
                                           order by h.changed_at desc, h.bronze_id desc limit 1), 0) end as won_amount,
                       not exists (select 1 from silver.retail_sales_opportunity_golden o
                                   where o.account_id = g.account_id and o.is_won
                                     and (o.won_date, o.opportunity_id) < (g.won_date, g.opportunity_id)) as first_won
                from unnest($1::text[], $2::date[], $3::date[]) with ordinality u(rep_id, period_start, period_end, n)
                join silver.retail_sales_opportunity_golden g
                  on g.owner_id = u.rep_id and g.won_date between u.period_start and u.period_end""")
                .execute(Tuple.of(groups.stream().map(Group::repId).toArray(String[]::new),
                        groups.stream().map(Group::start).toArray(LocalDate[]::new),
                        groups.stream().map(Group::end).toArray(LocalDate[]::new)))
                .map(rows -> {
                    List<DealRow> deals = new ArrayList<>(rows.size());
                    rows.forEach(r -> deals.add(new DealRow(groups.get(r.getLong("n").intValue() - 1),
                            new Deal(r.getString("opportunity_id"),
                                    CommissionType.classify(r.getString("lead_source"), r.getBoolean("first_won")),
                                    r.getBigDecimal("won_amount"), r.getLocalDate("won_date"),
                                    r.getLocalDate("reversed_on")),
                            r.getString("account_id"), r.getString("product_interest"), r.getString("currency"))));
                    return deals;
                });
    }

    /** What the ledger holds per key for deals won in the groups' date ranges (whatever period label it used). */
    private static Uni<Map<Key, Booked>> booked(SqlConnection tx, List<Group> groups) {
        return tx.preparedQuery("""
                select l.rep_id, l.opportunity_id, l.commission_type, sum(l.amount) as amount,
                       (array_agg(l.account_id order by l.line_id desc))[1] as account_id, max(l.won_date) as won_date,
                       (array_agg(l.product order by l.line_id desc))[1] as product,
                       (array_agg(l.currency order by l.line_id desc))[1] as currency,
                       (array_agg(l.deal_amount order by l.line_id desc))[1] as deal_amount,
                       (array_agg(l.period order by l.line_id desc))[1] as period
                from silver.retail_sales_commission_line l
                join unnest($1::text[], $2::date[], $3::date[]) u(rep_id, period_start, period_end)
                  on l.rep_id = u.rep_id and l.won_date between u.period_start and u.period_end
                group by l.rep_id, l.opportunity_id, l.commission_type""")
                .execute(Tuple.of(groups.stream().map(Group::repId).toArray(String[]::new),
                        groups.stream().map(Group::start).toArray(LocalDate[]::new),
                        groups.stream().map(Group::end).toArray(LocalDate[]::new)))
                .map(rows -> {
                    Map<Key, Booked> booked = new HashMap<>();
                    rows.forEach(r -> booked.put(new Key(r.getString("rep_id"), r.getString("opportunity_id"),
                            r.getString("commission_type")), new Booked(r.getBigDecimal("amount"),
                                    r.getString("account_id"), r.getLocalDate("won_date"), r.getString("product"),
                                    r.getString("currency"), r.getBigDecimal("deal_amount"), r.getString("period"))));
                    return booked;
                });
    }

    private Uni<Integer> book(SqlConnection tx, BronzeBatches batches, List<NewLine> lines) {
        if (lines.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Object[] columns = {
                text(lines, l -> l.key().repId()), text(lines, l -> l.key().opportunityId()),
                text(lines, NewLine::accountId), text(lines, l -> l.key().type()), text(lines, l -> l.kind().code()),
                text(lines, NewLine::period), lines.stream().map(NewLine::wonDate).toArray(LocalDate[]::new),
                lines.stream().map(NewLine::lineDate).toArray(LocalDate[]::new),
                text(lines, l -> l.amount().toPlainString()), text(lines, l -> l.entitled().toPlainString()),
                text(lines, l -> l.dealAmount().toPlainString()), text(lines, l -> l.rate().toPlainString()),
                text(lines, l -> l.multiplier().toPlainString()), text(lines, NewLine::tier),
                text(lines, NewLine::planId), text(lines, NewLine::product), text(lines, NewLine::currency),
                batches == null ? null : batches.first() };
        return tx.preparedQuery("""
                insert into silver.retail_sales_commission_line (rep_id, opportunity_id, account_id, commission_type,
                    line_kind, period, won_date, line_date, amount, entitled_amount, deal_amount, base_rate, multiplier,
                    tier, plan_id, product, currency, batch_id)
                select u.rep_id, u.opportunity_id, u.account_id, u.commission_type, u.line_kind, u.period, u.won_date,
                       u.line_date, u.amount::numeric, u.entitled_amount::numeric, u.deal_amount::numeric,
                       u.base_rate::numeric, u.multiplier::numeric, u.tier,
                       u.plan_id, u.product, u.currency, $18
                from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[],
                            $8::date[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
                            $14::text[], $15::text[], $16::text[], $17::text[])
                     with ordinality u(rep_id, opportunity_id, account_id, commission_type, line_kind, period, won_date,
                                       line_date, amount, entitled_amount, deal_amount, base_rate, multiplier, tier,
                                       plan_id, product, currency, n)
                order by u.n
                returning line_id""")
                .execute(Tuple.from(columns))
                .chain(rows -> {
                    List<Long> ids = new ArrayList<>(rows.size());
                    rows.forEach(r -> ids.add(r.getLong(0)));
                    Long[] lineIds = ids.toArray(Long[]::new);
                    return CommissionFacts.insert(tx, lineIds)
                            .chain(() -> queue(tx, lineIds))
                            .call(() -> reconciliation.refresh(tx, text(lines, l -> l.key().repId()),
                                    text(lines, l -> l.key().opportunityId())));
                });
    }

    /** One {@code commission.calculated} per booked line, built set-based from the ledger rows. */
    private Uni<Integer> queue(SqlConnection tx, Long[] lineIds) {
        return outbox.appendAll(tx, EventCatalog.SALES_COMMISSION_CALCULATED, """
                select l.opportunity_id as subject, l.account_id as record_key, jsonb_strip_nulls(jsonb_build_object(
                    'lineId', l.line_id, 'repId', l.rep_id, 'opportunityId', l.opportunity_id,
                    'customerId', l.account_id, 'commissionType', l.commission_type, 'kind', l.line_kind,
                    'amount', l.amount, 'entitledAmount', l.entitled_amount, 'currency', l.currency,
                    'dealAmount', l.deal_amount, 'rate', l.base_rate, 'multiplier', l.multiplier, 'tier', l.tier,
                    'clawback', l.line_kind = 'clawback', 'period', l.period, 'planId', l.plan_id,
                    'lineDate', l.line_date)) as data
                from silver.retail_sales_commission_line l where l.line_id = any($1) order by l.line_id""",
                Tuple.of(lineIds)).map(Long::intValue);
    }

    private static String[] text(List<NewLine> lines, Function<NewLine, String> f) {
        return lines.stream().map(f).toArray(String[]::new);
    }
}
