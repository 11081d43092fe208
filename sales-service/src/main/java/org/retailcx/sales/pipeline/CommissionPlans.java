package org.retailcx.sales.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.sales.model.commission.CommissionPlan;
import org.retailcx.sales.model.commission.CommissionType;
import org.retailcx.sales.model.commission.QuotaPeriod;
import org.retailcx.sales.model.commission.Tier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;

/** Loads the commission plan versions and picks the one in effect on a date. */
@ApplicationScoped
public class CommissionPlans {

    /** A plan version: in effect from {@code effectiveFrom} until the next version of the same plan. */
    public record Version(LocalDate effectiveFrom, CommissionPlan plan) {
    }

    /** Every version of every plan. */
    public record Book(Map<String, List<Version>> versions) {

        /** The version in effect on {@code day}; before the first version, the first version. */
        public Optional<CommissionPlan> at(String planId, LocalDate day) {
            List<Version> ofPlan = planId == null ? null : versions.get(planId);
            if (ofPlan == null) {
                return Optional.empty();
            }
            Version found = ofPlan.get(0);
            for (Version v : ofPlan) {
                if (!v.effectiveFrom().isAfter(day)) {
                    found = v;
                }
            }
            return Optional.of(found.plan());
        }
    }

    public static final String COLUMNS = "plan_id, effective_from, name, quota_period, rates::text, tiers::text, "
            + "retroactive, cap_amount, clawback_window_days, updated_at";

    public Uni<Book> load(SqlClient client) {
        return client.query("select " + COLUMNS + " from silver.retail_sales_commission_plan").execute()
                .map(rows -> {
                    Map<String, List<Version>> byPlan = new HashMap<>();
                    rows.forEach(r -> byPlan.computeIfAbsent(r.getString("plan_id"), k -> new ArrayList<>())
                            .add(new Version(r.getLocalDate("effective_from"), toPlan(r))));
                    byPlan.values().forEach(v -> v.sort(Comparator.comparing(Version::effectiveFrom)));
                    return new Book(byPlan);
                });
    }

    public static CommissionPlan toPlan(Row r) {
        Map<CommissionType, BigDecimal> rates = new EnumMap<>(CommissionType.class);
        new JsonObject(r.getString("rates")).forEach(e -> CommissionType.ofLabel(e.getKey())
                .ifPresent(t -> rates.put(t, new BigDecimal(e.getValue().toString()))));
        return new CommissionPlan(r.getString("plan_id"), rates,
                QuotaPeriod.ofApiName(r.getString("quota_period")).orElseThrow(), tiers(r.getString("tiers")),
                r.getBoolean("retroactive"), r.getBigDecimal("cap_amount"), r.getInteger("clawback_window_days"));
    }

    private static List<Tier> tiers(String json) {
        List<Tier> tiers = new ArrayList<>();
        for (Object o : new JsonArray(json)) {
            JsonObject t = (JsonObject) o;
            tiers.add(new Tier(decimal(t, "fromPercent"), decimal(t, "toPercent"), decimal(t, "multiplier")));
        }
        return tiers;
    }

    private static BigDecimal decimal(JsonObject o, String key) {
        Object value = o.getValue(key);
        return value == null ? null : new BigDecimal(value.toString());
    }
}
