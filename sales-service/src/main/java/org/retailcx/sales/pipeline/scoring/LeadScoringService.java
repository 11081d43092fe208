package org.retailcx.sales.pipeline.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.sales.model.scoring.EncoderConfig;
import org.retailcx.sales.model.scoring.LabeledLead;
import org.retailcx.sales.model.scoring.LeadFeatures;
import org.retailcx.sales.model.scoring.LeadScore;
import org.retailcx.sales.model.scoring.LogisticRegressionTrainer;
import org.retailcx.sales.model.scoring.ModelEvaluation;
import org.retailcx.sales.model.scoring.ModelValidation;
import org.retailcx.sales.model.scoring.LogisticModel;
import org.retailcx.sales.model.scoring.TrainerConfig;
import org.retailcx.schema.EventCatalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Lead scoring around the pure {@code model} package: trains versioned models (from silver outcomes or an uploaded
 * labelled set) with a held-out evaluation and cross-validation, stores them as JSON, and scores golden leads with
 * the active version in the ingestion transaction.
 */
@ApplicationScoped
public class LeadScoringService {

    /** Standard golden-lead fields used as features, next to the free attributes. */
    static final List<String> STANDARD_FEATURES = List.of("source", "productInterest", "campaignId");

    /** How a model is trained and validated; null fields take the defaults. */
    @RegisterForReflection
    public record TrainingOptions(Double holdoutFraction, Long seed, Integer folds, List<String> excludeFeatures,
            Map<String, List<Double>> sentinels, Integer splineSegments, Double l2Penalty,
            Integer unconvertedAfterDays) {

        public static final double DEFAULT_HOLDOUT = 0.2;
        public static final long DEFAULT_SEED = 20240601L;
        public static final int DEFAULT_FOLDS = 5;
        public static final int DEFAULT_SPLINE_SEGMENTS = 10;
        public static final int DEFAULT_UNCONVERTED_AFTER_DAYS = 180;

        public TrainingOptions normalised() {
            double holdout = holdoutFraction == null ? DEFAULT_HOLDOUT : holdoutFraction;
            if (!(holdout > 0 && holdout < 0.9)) {
                throw ProblemException.invalid("holdoutFraction", "must be in (0, 0.9)");
            }
            int k = folds == null ? DEFAULT_FOLDS : folds;
            if (k != 0 && (k < 2 || k > 20)) {
                throw ProblemException.invalid("folds", "must be 0 (no cross-validation) or 2..20");
            }
            int segments = splineSegments == null ? DEFAULT_SPLINE_SEGMENTS : splineSegments;
            if (segments < 0 || segments > 50) {
                throw ProblemException.invalid("splineSegments", "must be 0..50");
            }
            double l2 = l2Penalty == null ? TrainerConfig.DEFAULT_L2_PENALTY : l2Penalty;
            if (!(l2 > 0 && Double.isFinite(l2))) {
                throw ProblemException.invalid("l2Penalty", "must be positive");
            }
            int days = unconvertedAfterDays == null ? DEFAULT_UNCONVERTED_AFTER_DAYS : unconvertedAfterDays;
            if (days < 1) {
                throw ProblemException.invalid("unconvertedAfterDays", "must be at least 1");
            }
            return new TrainingOptions(holdout, seed == null ? DEFAULT_SEED : seed, k,
                    excludeFeatures == null ? List.of() : List.copyOf(excludeFeatures),
                    sentinels == null ? Map.of() : Map.copyOf(sentinels), segments, l2, days);
        }

        TrainerConfig trainerConfig() {
            EncoderConfig encoder = EncoderConfig.defaults().excluding(excludeFeatures.toArray(String[]::new))
                    .withSplineSegments(splineSegments);
            for (var sentinel : sentinels.entrySet()) {
                encoder = encoder.withSentinel(sentinel.getKey(),
                        sentinel.getValue().stream().mapToDouble(Double::doubleValue).toArray());
            }
            return TrainerConfig.defaults().withEncoder(encoder).withL2Penalty(l2Penalty);
        }
    }

    @RegisterForReflection
    public record Calibration(int decile, int count, double meanPredicted, double observedRate) {
    }

    @RegisterForReflection
    public record GradeRow(String grade, double minimumProbability, int holdoutCount, int holdoutConversions,
            Double holdoutConversionRate) {
    }

    @RegisterForReflection
    public record Holdout(int rows, int conversions, double auc, double brierScore, double logLoss,
            double calibrationInTheLarge, List<Calibration> calibration) {
    }

    @RegisterForReflection
    public record CrossValidation(int folds, double meanAuc, double sdAuc, List<Double> foldAuc) {
    }

    /** What training measured; stored with the model and returned by the API. */
    @RegisterForReflection
    public record ModelReport(Integer version, String trainingSource, String trainedBy, int rows, int trainingRows,
            double conversionRate, int featureColumns, TrainingOptions protocol, Holdout holdout,
            CrossValidation crossValidation, List<GradeRow> grades, Boolean active, String trainedAt) {

        ModelReport withState(int newVersion, boolean isActive, String at) {
            return new ModelReport(newVersion, trainingSource, trainedBy, rows, trainingRows, conversionRate,
                    featureColumns, protocol, holdout, crossValidation, grades, isActive, at);
        }
    }

    static final String UNTRAINABLE = "urn:retailcx:problem:untrainable-data";

    private final Pool pool;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Map<Integer, LogisticModel> models = new ConcurrentHashMap<>();

    public LeadScoringService(Pool pool, Outbox outbox, ObjectMapper mapper) {
        this.pool = pool;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** A golden lead as the model sees it: the standard fields plus every scalar free attribute. */
    public LeadFeatures features(String id, String source, String productInterest, String campaignId,
            String attributesJson) {
        Map<String, Object> features = new LinkedHashMap<>();
        if (attributesJson != null) {
            readTree(attributesJson).fields().forEachRemaining(e -> putScalar(features, e.getKey(), e.getValue()));
        }
        features.put("source", source);
        features.put("productInterest", productInterest);
        features.put("campaignId", campaignId);
        return new LeadFeatures(id, features);
    }

    /**
     * An uploaded labelled lead: {@code converted} (boolean) is the label; {@code attributes} (object) and every
     * other scalar field are features; {@code leadId} only names the row.
     */
    public static LabeledLead labeled(JsonNode line, int index) {
        JsonNode label = line.get("converted");
        if (label == null || !label.isBoolean()) {
            throw ProblemException.invalid("[" + index + "].converted", "must be true or false");
        }
        Map<String, Object> features = new LinkedHashMap<>();
        line.fields().forEachRemaining(e -> {
            if (e.getKey().equals("attributes") && e.getValue().isObject()) {
                e.getValue().fields().forEachRemaining(a -> putScalar(features, a.getKey(), a.getValue()));
            } else if (!e.getKey().equals("converted") && !e.getKey().equals("leadId")) {
                putScalar(features, e.getKey(), e.getValue());
            }
        });
        String id = line.hasNonNull("leadId") ? line.get("leadId").asText() : "row-" + (index + 1);
        return new LabeledLead(new LeadFeatures(id, features), label.booleanValue());
    }

    private static void putScalar(Map<String, Object> features, String name, JsonNode value) {
        if (value.isNumber()) {
            features.put(name, value.doubleValue());
        } else if (value.isTextual()) {
            features.put(name, value.textValue());
        } else if (value.isBoolean()) {
            features.put(name, value.booleanValue());
        }
    }

    /**
     * Labels from silver: a golden lead whose opportunity was won = 1; disqualified, opportunity lost, or older
     * than {@code unconvertedAfterDays} without an opportunity = 0; open leads are left out.
     */
    public Uni<List<LabeledLead>> labeledFromSilver(int unconvertedAfterDays) {
        return pool.preparedQuery("""
                select g.golden_lead_id, g.source, g.product_interest, g.campaign_id, g.attributes::text,
                       f.won_date is not null as converted
                from silver.retail_sales_lead_golden g
                left join gold.fact_sales_conversions f on f.golden_lead_id = g.golden_lead_id
                where f.won_date is not null or g.qualification_status = 'Disqualified' or f.is_lost
                   or (f.opportunity_id is null and g.created_date < current_date - $1::integer)
                order by g.golden_lead_id""")
                .execute(Tuple.of(unconvertedAfterDays))
                .map(rows -> {
                    List<LabeledLead> leads = new ArrayList<>();
                    for (Row r : rows) {
                        leads.add(new LabeledLead(features(Long.toString(r.getLong(0)), r.getString(1),
                                r.getString(2), r.getString(3), r.getString(4)), r.getBoolean(5)));
                    }
                    return leads;
                });
    }

    /** Trains (off the event loop), evaluates on the held-out part, cross-validates, and stores a new version. */
    public Uni<ModelReport> trainAndStore(List<LabeledLead> leads, TrainingOptions requested, String trainingSource,
            String trainedBy) {
        TrainingOptions options = requested.normalised();
        return Uni.createFrom().item(() -> train(leads, options, trainingSource, trainedBy))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(trained -> pool.withTransaction(tx -> tx.query(
                        "select pg_advisory_xact_lock(hashtext('sales.scoring-model-version'))").execute()
                        .chain(() -> tx.query("select coalesce(max(version), 0) + 1 from"
                                + " silver.retail_sales_scoring_model").execute())
                        .chain(rows -> {
                            int version = rows.iterator().next().getInteger(0);
                            ModelReport report = trained.report().withState(version, false, null);
                            return tx.preparedQuery("""
                                    insert into silver.retail_sales_scoring_model (version, trained_by, training_source,
                                        model, report) values ($1, $2, $3, $4::text::jsonb, $5::text::jsonb)
                                    returning trained_at::text""")
                                    .execute(Tuple.of(version, trainedBy, trainingSource, trained.model().toJson(),
                                            write(report)))
                                    .map(r -> report.withState(version, false, r.iterator().next().getString(0)));
                        })));
    }

    private record Trained(LogisticModel model, ModelReport report) {
    }

    private Trained train(List<LabeledLead> leads, TrainingOptions options, String source, String trainedBy) {
        long conversions = leads.stream().filter(LabeledLead::converted).count();
        if (leads.size() < TrainerConfig.DEFAULT_MIN_TRAINING_ROWS || conversions < 10
                || leads.size() - conversions < 10) {
            throw ProblemException.unprocessable(UNTRAINABLE, "Cannot train on this data", "training data needs at least " + TrainerConfig.DEFAULT_MIN_TRAINING_ROWS
                    + " leads with at least 10 of each outcome; got " + leads.size() + " with " + conversions
                    + " converted");
        }
        LogisticRegressionTrainer trainer = new LogisticRegressionTrainer(options.trainerConfig());
        ModelValidation.Split split = ModelValidation.stratifiedHoldout(leads, options.holdoutFraction(),
                options.seed());
        LogisticModel model;
        try {
            model = trainer.train(split.training());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(UNTRAINABLE, "Cannot train on this data", e.getMessage());
        }
        ModelEvaluation evaluation = ModelEvaluation.of(model, split.test());
        CrossValidation cv = null;
        if (options.folds() > 0) {
            var result = ModelValidation.crossValidate(trainer, leads, options.folds(), options.seed());
            cv = new CrossValidation(options.folds(), result.meanAuc(), result.sdAuc(), result.foldAuc());
        }
        model = model.withMetrics(cv == null ? Map.of("holdout.auc", evaluation.auc())
                : Map.of("holdout.auc", evaluation.auc(), "cv.meanAuc", cv.meanAuc()));
        var thresholds = model.gradeThresholds();
        List<GradeRow> grades = new ArrayList<>();
        evaluation.conversionByGrade().forEach((grade, conv) -> grades.add(new GradeRow(grade.name(),
                switch (grade) {
                    case A -> thresholds.minimumA();
                    case B -> thresholds.minimumB();
                    case C -> thresholds.minimumC();
                    case D -> 0.0;
                }, conv.count(), conv.conversions(), Double.isNaN(conv.conversionRate()) ? null : conv.conversionRate())));
        List<Calibration> calibration = evaluation.calibration().stream()
                .map(b -> new Calibration(b.decile(), b.count(), b.meanPredicted(), b.observedRate())).toList();
        Holdout holdout = new Holdout(evaluation.count(), evaluation.conversions(), evaluation.auc(),
                evaluation.brierScore(), evaluation.logLoss(), evaluation.calibrationInTheLarge(), calibration);
        return new Trained(model, new ModelReport(null, source, trainedBy, leads.size(), split.training().size(),
                (double) conversions / leads.size(), model.coefficients().length, options, holdout, cv, grades,
                false, null));
    }

    public Uni<List<ModelReport>> list() {
        return pool.query("select version, report::text, active, trained_at::text from silver.retail_sales_scoring_model"
                + " order by version desc").execute()
                .map(rows -> {
                    List<ModelReport> reports = new ArrayList<>();
                    rows.forEach(r -> reports.add(report(r)));
                    return reports;
                });
    }

    public Uni<ModelReport> get(int version) {
        return pool.preparedQuery("select version, report::text, active, trained_at::text from"
                + " silver.retail_sales_scoring_model where version = $1").execute(Tuple.of(version))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No lead-scoring model version " + version);
                    }
                    return report(rows.iterator().next());
                });
    }

    /** Makes this version the only active one. Leads are scored with it from their next change (or a rescore). */
    public Uni<ModelReport> activate(int version) {
        return pool.withTransaction(tx -> tx.preparedQuery("select 1 from silver.retail_sales_scoring_model"
                + " where version = $1 for update").execute(Tuple.of(version))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No lead-scoring model version " + version);
                    }
                    return tx.preparedQuery("update silver.retail_sales_scoring_model set active = false"
                            + " where active and version <> $1").execute(Tuple.of(version));
                })
                .chain(() -> tx.preparedQuery("update silver.retail_sales_scoring_model set active = true,"
                        + " activated_at = now() where version = $1 and not active").execute(Tuple.of(version))))
                .chain(() -> get(version));
    }

    /** Rescores every open golden lead (not converted, won or disqualified) with the active version, if it is this one. */
    public Uni<Integer> rescoreOpenLeads(int version) {
        return pool.withTransaction(tx -> tx.preparedQuery("select active from silver.retail_sales_scoring_model"
                + " where version = $1").execute(Tuple.of(version))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No lead-scoring model version " + version);
                    }
                    if (!rows.iterator().next().getBoolean(0)) {
                        throw ProblemException.conflict("urn:retailcx:problem:model-not-active", "model version " + version
                                + " is not active; activate it first");
                    }
                    return tx.query("""
                            select coalesce(array_agg(g.golden_lead_id), '{}') from silver.retail_sales_lead_golden g
                            left join gold.fact_sales_conversions f on f.golden_lead_id = g.golden_lead_id
                            where g.qualification_status not in ('Disqualified', 'Converted')
                              and f.opportunity_id is null""").execute();
                })
                .chain(rows -> scoreGoldenLeads(tx, rows.iterator().next().getArrayOfLongs(0))));
    }

    private ModelReport report(Row r) {
        try {
            return mapper.readValue(r.getString(1), ModelReport.class).withState(r.getInteger(0), r.getBoolean(2),
                    r.getString(3));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Active(int version, LogisticModel model) {
    }

    private Uni<Optional<Active>> active(SqlConnection tx) {
        return tx.query("select version from silver.retail_sales_scoring_model where active").execute()
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<Active>empty());
                    }
                    int version = rows.iterator().next().getInteger(0);
                    LogisticModel cached = models.get(version);
                    if (cached != null) {
                        return Uni.createFrom().item(Optional.of(new Active(version, cached)));
                    }
                    return tx.preparedQuery("select model::text from silver.retail_sales_scoring_model where version = $1")
                            .execute(Tuple.of(version))
                            .map(m -> {
                                LogisticModel model = models.computeIfAbsent(version,
                                        v -> LogisticModel.fromJson(m.iterator().next().getString(0)));
                                return Optional.of(new Active(version, model));
                            });
                });
    }

    /**
     * Scores these golden leads with the active model (none: nothing happens) and queues lead.scored for each
     * whose probability, grade or model version changed, so that a re-sent identical lead is not announced again.
     */
    public Uni<Integer> scoreGoldenLeads(SqlConnection tx, Long[] goldenIds) {
        if (goldenIds == null || goldenIds.length == 0) {
            return Uni.createFrom().item(0);
        }
        return active(tx).chain(active -> active.isEmpty() ? Uni.createFrom().item(0)
                : tx.preparedQuery("""
                        select g.golden_lead_id, g.source, g.product_interest, g.campaign_id, g.attributes::text,
                               g.score_probability, g.score_grade, g.score_model_version, f.customer_id
                        from silver.retail_sales_lead_golden g
                        left join gold.fact_sales_conversions f on f.golden_lead_id = g.golden_lead_id
                        where g.golden_lead_id = any($1) order by g.golden_lead_id""")
                        .execute(Tuple.of((Object) goldenIds))
                        .chain(rows -> store(tx, active.get(), rows)));
    }

    private Uni<Integer> store(SqlConnection tx, Active active, Iterable<Row> rows) {
        List<Long> ids = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        List<String> grades = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Row r : rows) {
            long id = r.getLong("golden_lead_id");
            LeadScore score = active.model().score(features(Long.toString(id), r.getString("source"),
                    r.getString("product_interest"), r.getString("campaign_id"), r.getString("attributes")));
            Double previous = r.getDouble("score_probability");
            Integer previousVersion = r.getInteger("score_model_version");
            if (previous != null && previous == score.probability() && previousVersion != null
                    && previousVersion == active.version() && score.grade().name().equals(r.getString("score_grade"))) {
                continue;
            }
            ids.add(id);
            probabilities.add(score.probability());
            grades.add(score.grade().name());
            keys.add(r.getString("customer_id") != null ? r.getString("customer_id") : Long.toString(id));
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Tuple params = Tuple.of(ids.toArray(Long[]::new), probabilities.toArray(Double[]::new),
                grades.toArray(String[]::new), active.version());
        return tx.preparedQuery("""
                update silver.retail_sales_lead_golden g set score_probability = u.p, score_grade = u.grade,
                    score_model_version = $4, scored_at = now()
                from unnest($1::bigint[], $2::float8[], $3::text[]) u(id, p, grade) where g.golden_lead_id = u.id""")
                .execute(params)
                .chain(() -> tx.preparedQuery("""
                        update gold.fact_sales_conversions f set score_probability = u.p, score_grade = u.grade
                        from unnest($1::bigint[], $2::float8[], $3::text[]) u(id, p, grade)
                        where f.golden_lead_id = u.id""").execute(Tuple.of(params.getValue(0), params.getValue(1),
                        params.getValue(2))))
                .chain(() -> outbox.appendAll(tx, EventCatalog.SALES_LEAD_SCORED, """
                        select u.id::text as subject, u.key as record_key,
                               jsonb_build_object('goldenLeadId', u.id::text, 'probability', u.p, 'grade', u.grade,
                                                  'modelVersion', $5::integer) as data
                        from unnest($1::bigint[], $2::float8[], $3::text[], $4::text[]) u(id, p, grade, key)
                        order by u.id""", Tuple.of(params.getValue(0), params.getValue(1), params.getValue(2),
                        keys.toArray(String[]::new), active.version())))
                .map(Long::intValue);
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
