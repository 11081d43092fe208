package org.retailcx.recommendation.pipeline.action;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.BronzeWriter;
import org.retailcx.platform.medallion.Quarantine;
import org.retailcx.recommendation.ingest.RecommendationSources;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Next-best-actions triggered by events, issued in the promotion of the batch that carries the event (for a consumed
 * event, the inbox's transaction, so each event triggers once): a customer whose clv value decile changed gets the
 * catalogue's {@code Threshold} actions, a customer sentiment-service put at risk its {@code Churn Risk} actions,
 * on every channel, under the same eligibility, arbitration and contact policy as a channel's request.
 */
public final class TriggeredActions {

    static final String THRESHOLD = "Threshold";
    static final String CHURN_RISK = "Churn Risk";

    private TriggeredActions() {
    }

    private static BronzeWriter.Caller caller(String trigger) {
        return new BronzeWriter.Caller("recommendation-service:" + trigger, List.of("service"));
    }

    private static Uni<Integer> issue(NextBestActions actions, SqlConnection tx, String customersSql,
            BronzeBatches batches, String trigger, String callerName) {
        return tx.preparedQuery(customersSql).execute(batches.tuple()).chain(rows -> {
            List<String> customers = new ArrayList<>();
            rows.forEach(r -> customers.add(r.getString(0)));
            return actions.issueTriggered(tx, customers, trigger, caller(callerName));
        }).replaceWith(0);
    }

    /**
     * A changed decile: the customer's value in silver (after this batch) differs from the newest valid value they had
     * before it. A first prediction is no change.
     */
    @ApplicationScoped
    public static class DecileChanges implements BronzeListener {

        private static final String CHANGED = """
                select s.customer_id from silver.customer_value s
                join lateral (select b.clv_decile from bronze.retail_customer_value b
                              where b.customer_id = s.customer_id and not coalesce(b.batch_id = any($1), false)
                                and %s
                              order by b.clv_model_version desc, b.bronze_id desc limit 1) before on true
                where s.bronze_id in (select x.bronze_id from bronze.retail_customer_value x
                                      where x.batch_id = any($1))
                  and before.clv_decile <> s.clv_decile
                order by s.customer_id""".formatted(Quarantine.notQuarantined(RecommendationSources.CUSTOMER_VALUES));

        private final NextBestActions actions;

        public DecileChanges(NextBestActions actions) {
            this.actions = actions;
        }

        @Override
        public String source() {
            return RecommendationSources.CUSTOMER_VALUES.name();
        }

        /** After silver has the new value. */
        @Override
        public int order() {
            return 150;
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return issue(actions, tx, CHANGED, batches, THRESHOLD, "clv-decile-changed");
        }
    }

    /** Each customer of the batch's at-risk alerts. */
    @ApplicationScoped
    public static class RiskAlerts implements BronzeListener {

        private static final String AT_RISK = """
                select distinct b.customer_id from bronze.retail_customer_risk_alerts b
                where b.batch_id = any($1) and %s order by b.customer_id"""
                .formatted(Quarantine.notQuarantined(RecommendationSources.RISK_ALERTS));

        private final NextBestActions actions;

        public RiskAlerts(NextBestActions actions) {
            this.actions = actions;
        }

        @Override
        public String source() {
            return RecommendationSources.RISK_ALERTS.name();
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return issue(actions, tx, AT_RISK, batches, CHURN_RISK, "sentiment-at-risk");
        }
    }
}
