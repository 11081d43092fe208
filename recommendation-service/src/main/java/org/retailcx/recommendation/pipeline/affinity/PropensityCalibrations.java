package org.retailcx.recommendation.pipeline.affinity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.problem.ProblemException;
import org.retailcx.recommendation.model.Calibration;
import org.retailcx.recommendation.model.PropensityCalibration;
import org.retailcx.recommendation.pipeline.training.ModelCache;
import org.retailcx.recommendation.pipeline.training.ModelTraining;
import org.retailcx.recommendation.pipeline.training.TrainingSpecs;
import org.retailcx.schema.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Fits, stores and reads a model version's propensity calibration ({@link PropensityCalibration}): the version's
 * spec refitted on a seeded stratified share of its own training data (reproducible like the version itself), the
 * isotonic map from affinity to take-up probability, and reliability by decile on the held-out customers before and
 * after. Refitting replaces the version's calibration.
 */
@ApplicationScoped
@RegisterForReflection(targets = { Calibration.Report.class, org.retailcx.recommendation.model.ReliabilityBin.class })
public class PropensityCalibrations {

    public static final String TOO_FEW = "urn:retailcx:problem:recommendation-calibration-insufficient-data";

    @RegisterForReflection
    public record Settings(double trainRatio, long seed, int maxCustomers) {
    }

    @RegisterForReflection
    public record Step(double fromAffinity, double propensity) {
    }

    @RegisterForReflection
    public record Report(int modelVersion, String algorithm, String method, double trainRatio, long seed,
            int customers, int fitTrials, int reportTrials, int positives, Calibration.Report uncalibrated,
            Calibration.Report calibrated, List<Step> map, OffsetDateTime fittedAt, String fittedBy) {
    }

    private final Pool pool;
    private final ModelTraining models;
    private final ModelCache cache;
    /** Maps of calibrated versions (a version without one is looked up again: another replica may fit it). */
    private final Map<Integer, PropensityCalibration.Isotonic> maps = new ConcurrentHashMap<>();

    public PropensityCalibrations(Pool pool, ModelTraining models, ModelCache cache) {
        this.pool = pool;
        this.models = models;
        this.cache = cache;
    }

    public Uni<Report> fit(int version, Settings settings, String caller) {
        return pool.withConnection(c -> models.find(c, version))
                .chain(model -> cache.get(model).emitOn(Infrastructure.getDefaultWorkerPool()).map(recommender -> {
                    try {
                        return PropensityCalibration.fit(recommender.training(),
                                TrainingSpecs.parse(model.algorithm(), model.parameters(), "algorithm"),
                                settings.trainRatio(), settings.seed(), settings.maxCustomers());
                    } catch (IllegalArgumentException e) {
                        throw ProblemException.unprocessable(TOO_FEW, "Too few held-out interactions to calibrate",
                                "Model version " + version + ": " + e.getMessage());
                    }
                }))
                .chain(fit -> pool.withTransaction(tx -> tx.preparedQuery("""
                        insert into gold.dim_recommendation_calibration (model_version, method, train_ratio, seed,
                            customers, fit_trials, report_trials, positives, lower_bounds, probabilities,
                            uncalibrated, calibrated, fitted_by)
                        values ($1, 'isotonic', $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11::text::jsonb, $12)
                        on conflict (model_version) do update set train_ratio = excluded.train_ratio,
                            seed = excluded.seed, customers = excluded.customers, fit_trials = excluded.fit_trials,
                            report_trials = excluded.report_trials, positives = excluded.positives,
                            lower_bounds = excluded.lower_bounds, probabilities = excluded.probabilities,
                            uncalibrated = excluded.uncalibrated, calibrated = excluded.calibrated,
                            fitted_at = now(), fitted_by = excluded.fitted_by""")
                        .execute(Tuple.from(new Object[] { version, settings.trainRatio(), settings.seed(),
                                fit.customers(), fit.fitTrials(), fit.reportTrials(), fit.positives(),
                                boxed(fit.map().lowerBounds()), boxed(fit.map().values()), json(fit.uncalibrated()),
                                json(fit.calibrated()), caller })))
                        .invoke(() -> maps.put(version, fit.map())))
                .chain(() -> report(version));
    }

    public Uni<Report> report(int version) {
        return pool.preparedQuery(SELECT + " where c.model_version = $1").execute(Tuple.of(version)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Model version " + version + " has no propensity calibration; "
                        + "POST /models/" + version + "/calibration fits one");
            }
            return of(rows.iterator().next());
        });
    }

    /** The version's map, or null when it has none. */
    public Uni<PropensityCalibration.Isotonic> map(int version) {
        PropensityCalibration.Isotonic known = maps.get(version);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return pool.preparedQuery("select lower_bounds, probabilities from gold.dim_recommendation_calibration"
                + " where model_version = $1").execute(Tuple.of(version)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    var map = new PropensityCalibration.Isotonic(unboxed(r.getArrayOfDoubles(0)),
                            unboxed(r.getArrayOfDoubles(1)));
                    maps.put(version, map);
                    return map;
                });
    }

    private static final String SELECT = """
            select c.model_version, a.algorithm, c.method, c.train_ratio, c.seed, c.customers, c.fit_trials,
                c.report_trials, c.positives, c.uncalibrated::text, c.calibrated::text, c.lower_bounds,
                c.probabilities, c.fitted_at, c.fitted_by
            from gold.dim_recommendation_calibration c
            join gold.dim_recommendation_model m using (model_version)
            join gold.dim_recommendation_algorithm a using (algorithm_key)""";

    private static Report of(Row r) {
        Double[] bounds = r.getArrayOfDoubles(11);
        Double[] probabilities = r.getArrayOfDoubles(12);
        List<Step> steps = new java.util.ArrayList<>(bounds.length);
        for (int i = 0; i < bounds.length; i++) {
            steps.add(new Step(bounds[i], probabilities[i]));
        }
        return new Report(r.getInteger(0), r.getString(1), r.getString(2), r.getDouble(3), r.getLong(4),
                r.getInteger(5), r.getInteger(6), r.getInteger(7), r.getInteger(8), read(r.getString(9)),
                read(r.getString(10)), steps, r.getOffsetDateTime(13), r.getString(14));
    }

    private static String json(Calibration.Report report) {
        try {
            return EventJson.mapper().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Calibration.Report read(String json) {
        try {
            return EventJson.mapper().readValue(json, Calibration.Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored calibration report", e);
        }
    }

    private static Double[] boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Double[]::new);
    }

    private static double[] unboxed(Double[] values) {
        return java.util.Arrays.stream(values).mapToDouble(Double::doubleValue).toArray();
    }
}
