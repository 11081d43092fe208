package org.retailcx.synthetic;

import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.retailcx.synthetic.clv.ClvHistoryGenerator;
import org.retailcx.synthetic.sales.CommissionPlan;
import org.retailcx.synthetic.sales.SalesDataset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The calls that go with loading the sales organisation beyond the nine sources: commission plans before them (so
 * commissions are computed as deals are won), and after them the lead-scoring model (trained on the loaded leads and
 * activated), the pipeline snapshot backfill over the history, and customer-value histories for clv-service. Each
 * step reports and carries on when its service answers with an error, so one missing piece does not stop a demo.
 */
public final class SalesIntegrationHooks {

    /** Customers whose transaction histories go to clv-service; ids ACC-0000001... as the sales accounts. */
    static final int CLV_CUSTOMERS = 2_000;

    /** {@code clvUrl} null: no clv-service to load. */
    public record Context(ApiClient sales, URI clvUrl, String token, SalesDataset dataset, PrintStream out) {
    }

    private SalesIntegrationHooks() {
    }

    /** PUT /api/v1/sales/commission-plans/{id}: quarterly plans, 1.5× above 100 % of quota, 90-day clawback. */
    public static void beforeSources(Context c) {
        step(c, "commission plans", () -> {
            for (CommissionPlan plan : c.dataset().commissionPlans()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("planId", plan.planId());
                body.put("name", plan.name());
                body.put("quotaPeriod", "quarter");
                body.put("rates", plan.rates());
                body.put("tiers", List.of(Map.of("fromPercent", 0, "toPercent", 100, "multiplier", 1),
                        Map.of("fromPercent", 100, "multiplier", plan.acceleratorAboveQuota())));
                body.put("retroactive", false);
                body.put("clawbackWindowDays", plan.clawbackDays());
                c.sales().putJson("/api/v1/sales/commission-plans/" + plan.planId(), body);
            }
            return c.dataset().commissionPlans().size() + " plans";
        });
    }

    public static void afterSources(Context c) {
        step(c, "lead-scoring model", () -> {
            JsonNode model = c.sales().postJson("/api/v1/sales/lead-scoring/models", Map.of());
            int version = model.path("version").asInt();
            c.sales().postJson("/api/v1/sales/lead-scoring/models/" + version + "/activate", Map.of());
            JsonNode rescored = c.sales().postJson("/api/v1/sales/lead-scoring/models/" + version + "/score", Map.of());
            return String.format(java.util.Locale.ROOT, "version %d on %d leads (conversion %.1f %%), held-out AUC %.3f;"
                    + " activated, %d open leads scored", version, model.path("rows").asInt(),
                    100 * model.path("conversionRate").asDouble(), model.path("holdout").path("auc").asDouble(),
                    rescored.path("leadsRescored").asInt());
        });
        step(c, "pipeline snapshots", () -> c.sales().postJson("/api/v1/sales/pipeline/snapshots?from="
                + c.dataset().historyStart() + "&to=" + c.dataset().asOf(), Map.of()).toString());
        step(c, "clv histories", () -> {
            if (c.clvUrl() == null) {
                return "skipped: no clv-service in this run";
            }
            if (!DomainDemos.ready(c.clvUrl())) {
                return "skipped: clv-service is not running at " + c.clvUrl();
            }
            ApiClient clv = new ApiClient(c.clvUrl(), c.token(), "synthetic-bank");
            ClvHistoryGenerator.Settings settings = ClvHistoryGenerator.Settings
                    .cdnowLike(CLV_CUSTOMERS, c.dataset().seed()).withCustomerPrefix("ACC-0");
            ClvHistoryGenerator.LoadReport report = ClvHistoryGenerator.loadInto(clv,
                    ClvHistoryGenerator.generate(settings), 5_000);
            JsonNode fit = clv.postJson("/api/v1/clv/models/fit",
                    Map.of("calibrationEnd", settings.observationEnd().toString(), "activate", true));
            return report.customers() + " customers, " + report.transactions() + " transactions, "
                    + report.profitabilityRows() + " profitability rows; model version " + fit.path("version").asText()
                    + " fitted and activated";
        });
    }

    private static void step(Context c, String name, DomainDemos.Step step) {
        DomainDemos.step(c.out(), name, step);
    }
}
