package org.retailcx.personalization.pipeline.experiments;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.personalization.ingest.PersonalizationSources;
import org.retailcx.personalization.model.stats.ExperimentAnalysis;
import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;

import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.personalization.ExperimentSrmDetected;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An experiment's results from its current assignments ({@code silver.ab_assignment}): the sums per variation fed
 * to {@link ExperimentAnalysis}. {@link Store} keeps {@code silver.retail_ab_test_results} current in the promotion
 * transaction of exposures, recomputing only the experiments the batch touched, at {@link #STORED_ALPHA}.
 */
public final class ExperimentResults {

    private ExperimentResults() {
    }

    /** The level the stored rows are computed at; the live endpoint takes any other. */
    public static final double STORED_ALPHA = 0.05;

    /** An analysis and the latest assignment date among its units (the data's as-of). */
    public record Computed(ExperimentAnalysis.Results results, OffsetDateTime dataAsOf, List<String> variations,
            List<Double> weights) {

        public String control() {
            return variations.get(0);
        }

        /** The units of the named variation (the analysis keeps the definition's order). */
        public long unitsOf(String variation) {
            return results.units()[variations.indexOf(variation)];
        }
    }

    /** Per variant the sums the analysis needs; valued: some unit's metric is not just its conversion. */
    private static final String ARMS = """
            select variant_id, count(*) as n, count(*) filter (where conversion_flag) as conversions,
                sum(metric_value) as sum, sum(metric_value * metric_value) as sum_sq,
                count(pre_metric_value) as pre_n, coalesce(sum(pre_metric_value), 0) as sum_pre,
                coalesce(sum(pre_metric_value * pre_metric_value), 0) as sum_pre_sq,
                coalesce(sum(metric_value * pre_metric_value), 0) as sum_post_pre,
                bool_or(metric_value <> case when conversion_flag then 1 else 0 end) as valued,
                max(assignment_date) as as_of
            from silver.ab_assignment where experiment_id = $1 group by variant_id""";

    /** The analysis of one defined experiment; null when it has no exposures yet. */
    public static Uni<Computed> compute(SqlClient client, Map<String, Object> definition, double alpha) {
        String experimentId = (String) definition.get("key");
        return client.preparedQuery(ARMS).execute(Tuple.of(experimentId)).map(rows -> {
            @SuppressWarnings("unchecked")
            List<Object> variants = (List<Object>) definition.get("variations");
            @SuppressWarnings("unchecked")
            List<Number> weights = (List<Number>) definition.get("weights");
            Map<Object, Row> byVariant = new HashMap<>();
            rows.forEach(r -> byVariant.put(r.getString("variant_id"), r));
            boolean valued = byVariant.values().stream().anyMatch(r -> r.getBoolean("valued"));
            OffsetDateTime asOf = byVariant.values().stream().map(r -> r.getOffsetDateTime("as_of"))
                    .max(OffsetDateTime::compareTo).orElse(null);
            long[] units = new long[variants.size()];
            List<ExperimentAnalysis.Arm> conversion = new ArrayList<>();
            List<ExperimentAnalysis.Arm> metric = new ArrayList<>();
            for (int i = 0; i < variants.size(); i++) {
                Row r = byVariant.get(variants.get(i));
                String v = String.valueOf(variants.get(i));
                units[i] = r == null ? 0 : r.getLong("n");
                double conversions = r == null ? 0 : r.getLong("conversions");
                conversion.add(new ExperimentAnalysis.Arm(v, units[i], conversions, conversions, 0, 0, 0, 0));
                metric.add(r == null ? new ExperimentAnalysis.Arm(v, 0, 0, 0, 0, 0, 0, 0)
                        : new ExperimentAnalysis.Arm(v, units[i], r.getDouble("sum"), r.getDouble("sum_sq"),
                                r.getLong("pre_n"), r.getDouble("sum_pre"), r.getDouble("sum_pre_sq"),
                                r.getDouble("sum_post_pre")));
            }
            if (asOf == null) {
                return null;
            }
            List<ExperimentAnalysis.Metric> metrics = new ArrayList<>();
            metrics.add(new ExperimentAnalysis.Metric("conversion", true, conversion));
            if (valued) {
                metrics.add(new ExperimentAnalysis.Metric((String) definition.get("successMetric"), false, metric));
            }
            double[] w = weights.stream().mapToDouble(Number::doubleValue).toArray();
            return new Computed(ExperimentAnalysis.analyse(units, w, metrics, alpha), asOf,
                    variants.stream().map(String::valueOf).toList(), Arrays.stream(w).boxed().toList());
        });
    }

    private static final String DELETE = "delete from silver.retail_ab_test_results where experiment_id = $1";

    private static final String INSERT = """
            insert into silver.retail_ab_test_results (experiment_id, metric, variation, control_variation,
                control_units, units, control_mean, mean, relative_effect, relative_ci_lower, relative_ci_upper,
                relative_p_value, absolute_effect, absolute_ci_lower, absolute_ci_upper, absolute_p_value,
                chance_to_win, risk_control, risk_treatment, sequential_ci_lower, sequential_ci_upper, cuped,
                holm_p_value, bh_p_value, srm_p_value, sample_ratio_mismatch, alpha, data_as_of)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
                $22, $23, $24, $25, $26, $27, $28)""";

    /** Recomputes and replaces one experiment's stored rows; an undefined experiment or no exposures stores none. */
    public static Uni<Computed> store(SqlConnection tx, PublishedExperiments published, String experimentId) {
        return published.one(tx, experimentId).chain(d -> d == null ? Uni.createFrom().nullItem()
                : compute(tx, d, STORED_ALPHA)).chain(c -> tx.preparedQuery(DELETE).execute(Tuple.of(experimentId))
                        .chain(() -> c == null ? Uni.createFrom().nullItem() : insert(tx, experimentId, c)));
    }

    /** Records the SRM state; returns whether it was mismatched before (false when it had none). */
    private static final String SRM_STATE = """
            with prev as (select mismatched from silver.retail_ab_test_srm_state where experiment_id = $1)
            insert into silver.retail_ab_test_srm_state as s (experiment_id, mismatched, p_value, onset_at)
            values ($1, $2, $3, case when $2 then now() end)
            on conflict (experiment_id) do update set mismatched = excluded.mismatched, p_value = excluded.p_value,
                onset_at = case when not excluded.mismatched then null when s.mismatched then s.onset_at
                    else now() end, checked_at = now()
            returning coalesce((select mismatched from prev), false) as was""";

    /**
     * The SRM detected event when these results start a mismatch (p below {@code SrmResult.ALERT_P_VALUE}) that the
     * previous state did not have: once per onset; a recovery clears the state, so a later mismatch raises it again.
     */
    static Uni<Void> srm(SqlConnection tx, Outbox outbox, String experimentId, Computed c) {
        ExperimentAnalysis.Results r = c.results();
        boolean now = r.sampleRatioMismatch();
        return tx.preparedQuery(SRM_STATE).execute(Tuple.of(experimentId, now, r.srm().pValue())).chain(rows -> {
            boolean was = rows.iterator().next().getBoolean("was");
            if (!now || was) {
                return Uni.createFrom().voidItem();
            }
            List<Integer> units = new ArrayList<>();
            for (long u : r.units()) {
                units.add(Math.toIntExact(u));
            }
            return outbox.append(tx, EventCatalog.PERSONALIZATION_EXPERIMENT_SRM_DETECTED, experimentId,
                    experimentId, new ExperimentSrmDetected(experimentId, c.variations(), units, c.weights(),
                            r.srm().chiSquare(), r.srm().degreesOfFreedom(), r.srm().pValue(),
                            c.dataAsOf().toInstant().toString())).replaceWithVoid();
        });
    }

    private static Uni<Computed> insert(SqlConnection tx, String experimentId, Computed c) {
        ExperimentAnalysis.Results r = c.results();
        List<Tuple> tuples = new ArrayList<>();
        for (ExperimentAnalysis.Comparison x : r.comparisons()) {
            tuples.add(Tuple.from(List.<Object>of(experimentId, x.metric(), x.variant(), c.control(), r.units()[0],
                    c.unitsOf(x.variant()), x.controlMean(), x.variantMean(), x.relative().estimate(),
                    x.relative().ciLower(), x.relative().ciUpper(), x.relative().pValue(), x.absolute().estimate(),
                    x.absolute().ciLower(), x.absolute().ciUpper(), x.absolute().pValue(),
                    x.bayesian().chanceToWin(), x.bayesian().riskControl(), x.bayesian().riskTreatment(),
                    x.sequential().ciLower(), x.sequential().ciUpper(), x.cuped(), x.holmPValue(),
                    x.benjaminiHochbergPValue(), r.srm().pValue(), r.sampleRatioMismatch(), STORED_ALPHA,
                    c.dataAsOf())));
        }
        if (tuples.isEmpty()) {
            return Uni.createFrom().item(c);
        }
        return tx.preparedQuery(INSERT).executeBatch(tuples).replaceWith(c);
    }

    private static final String TOUCHED = """
            select distinct experiment_id from bronze.retail_ab_test_variants where batch_id = any($1)""";

    /** The stored results of the experiments whose exposures a batch promoted; after the current assignments. */
    @ApplicationScoped
    public static class Store implements BronzeListener, LayerRebuild {

        private final PublishedExperiments published;
        private final Outbox outbox;

        public Store(PublishedExperiments published, Outbox outbox) {
            this.published = published;
            this.outbox = outbox;
        }

        @Override
        public String source() {
            return PersonalizationSources.EXPOSURES.name();
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery(TOUCHED).execute(batches.tuple()).chain(rows -> storeAll(tx, rows));
        }

        @Override
        public String name() {
            return "silver.retail_ab_test_results";
        }

        @Override
        public int order() {
            return 160;
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return tx.query("select distinct experiment_id from silver.ab_assignment").execute()
                    .chain(rows -> storeAll(tx, rows)).replaceWithVoid();
        }

        private Uni<Integer> storeAll(SqlConnection tx, io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
            List<String> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(r.getString("experiment_id")));
            return Multi.createFrom().iterable(ids).onItem()
                    .transformToUniAndConcatenate(id -> store(tx, published, id)
                            .chain(c -> c == null ? Uni.createFrom().voidItem() : srm(tx, outbox, id, c))
                            .replaceWith(id))
                    .collect().asList().replaceWith(0);
        }
    }
}
