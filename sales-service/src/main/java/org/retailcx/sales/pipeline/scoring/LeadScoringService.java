package org.retailcx.sales.pipeline.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.ModelVersionAnnouncer;
import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.sales.model.scoring.GradeThresholds;
import org.retailcx.sales.model.scoring.LabeledLead;
import org.retailcx.sales.model.scoring.LeadFeatures;
import org.retailcx.sales.model.scoring.LeadScore;
import org.retailcx.sales.model.scoring.LeadScorer;
import org.retailcx.sales.pipeline.scoring.ModelTraining.Prepared;
import org.retailcx.sales.pipeline.scoring.ModelTraining.Trained;
import org.retailcx.sales.pipeline.scoring.ScoringReports.Comparison;
import org.retailcx.sales.pipeline.scoring.ScoringReports.ModelReport;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.ml.ModelVersionTrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Lead scoring around the pure {@code model.scoring} package: trains versioned models of either learner under a
 * validation protocol ({@link ModelTraining}), stores them as JSON with their report and first grade cut-offs,
 * announces them to the model registry, and scores golden leads with the active version in the ingestion
 * transaction, graded by the version's cut-offs in force ({@link GradeCutoffs}).
 */
@ApplicationScoped
public class LeadScoringService {

    /** A stored model version, ready to score. */
    public record Version(int version, LeadScorer model, ModelReport report) {
    }

    /** The registry's id of the lead-scoring model. */
    public static final String MODEL_ID = "sales.lead-scoring";

    private final Pool pool;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final GradeCutoffs cutoffs;
    private final ModelVersionAnnouncer announcer;
    private final Map<Integer, LeadScorer> models = new ConcurrentHashMap<>();

    public LeadScoringService(Pool pool, Outbox outbox, ObjectMapper mapper, GradeCutoffs cutoffs,
            ModelVersionAnnouncer announcer) {
        this.pool = pool;
        this.outbox = outbox;
        this.mapper = mapper;
        this.cutoffs = cutoffs;
        this.announcer = announcer;
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
        return new LabeledLead(unlabeled(line, index), label.booleanValue());
    }

    /** An uploaded lead to score: as {@link #labeled}, with {@code converted} optional and ignored. */
    public static LeadFeatures unlabeled(JsonNode line, int index) {
        Map<String, Object> features = new LinkedHashMap<>();
        line.fields().forEachRemaining(e -> {
            if (e.getKey().equals("attributes") && e.getValue().isObject()) {
                e.getValue().fields().forEachRemaining(a -> putScalar(features, a.getKey(), a.getValue()));
            } else if (!e.getKey().equals("converted") && !e.getKey().equals("leadId")) {
                putScalar(features, e.getKey(), e.getValue());
            }
        });
        String id = line.hasNonNull("leadId") ? line.get("leadId").asText() : "row-" + (index + 1);
        return new LeadFeatures(id, features);
    }

    private static void putScalar(Map<String, Object> features, String name, JsonNode value) {
        if (value.isNumber()) {
            features.put(name, value.doubleValue());
        } else if (value.isTextual()) {
            features.put(name, value.textValue());
        } else if (value.isBoolean()) {
            features.put(name, value.booleanValue());
        } else if (value.isNull()) {
            features.put(name, null);
        }
    }

    /**
     * Labels from silver: a golden lead whose opportunity was won = 1; disqualified, opportunity lost, or older
     * than {@code unconvertedAfterDays} without an opportunity = 0; open leads are left out. Each lead carries its
     * creation date as {@code createdDate} (the time field of a time-ordered split; never a feature). With
     * {@code from}/{@code to}, only leads created in that range.
     */
    public Uni<List<LabeledLead>> labeledFromSilver(int unconvertedAfterDays, LocalDate from, LocalDate to) {
        return pool.preparedQuery("""
                select g.golden_lead_id, g.source, g.product_interest, g.campaign_id, g.attributes::text,
                       f.won_date is not null as converted, g.created_date::text
                from silver.retail_sales_lead_golden g
                left join gold.fact_sales_conversions f on f.golden_lead_id = g.golden_lead_id
                where (f.won_date is not null or g.qualification_status = 'Disqualified' or f.is_lost
                       or (f.opportunity_id is null and g.created_date < current_date - $1::integer))
                  and ($2::date is null or g.created_date >= $2) and ($3::date is null or g.created_date <= $3)
                order by g.created_date nulls first, g.golden_lead_id""")
                .execute(Tuple.of(unconvertedAfterDays, from, to))
                .map(rows -> {
                    List<LabeledLead> leads = new ArrayList<>();
                    for (Row r : rows) {
                        LeadFeatures lead = features(Long.toString(r.getLong(0)), r.getString(1), r.getString(2),
                                r.getString(3), r.getString(4));
                        Map<String, Object> withDate = new LinkedHashMap<>(lead.features());
                        withDate.put(TrainingOptions.SILVER_TIME_FIELD, r.getString(6));
                        leads.add(new LabeledLead(new LeadFeatures(lead.id(), withDate), r.getBoolean(5)));
                    }
                    return leads;
                });
    }

    /** Fields of a training set that are never features: the time field of the protocol (and silver's date). */
    static Set<String> reserved(TrainingOptions options, String source) {
        if (source.equals("silver")) {
            return Set.of(TrainingOptions.SILVER_TIME_FIELD);
        }
        return options.timeField() == null ? Set.of() : Set.of(options.timeField());
    }

    /** Trains one learner (off the event loop) under the protocol and stores the new version. */
    public Uni<ModelReport> trainAndStore(List<LabeledLead> leads, List<LabeledLead> validation,
            TrainingOptions requested, String source, String trainedBy, String datasetId) {
        TrainingOptions options = requested.normalised();
        return Uni.createFrom().item(() -> ModelTraining.train(prepare(leads, validation, options, source, trainedBy,
                        datasetId), options))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(this::store);
    }

    /** Trains each learner on the same split with the same protocol, stores each version, answers them side by side. */
    public Uni<Comparison> compare(List<LabeledLead> leads, List<LabeledLead> validation, TrainingOptions requested,
            List<String> learners, String source, String trainedBy, String datasetId) {
        TrainingOptions options = requested.normalised();
        if (learners.size() < 2 || learners.stream().distinct().count() != learners.size()) {
            throw ProblemException.invalid("learners", "name two or more different learners, e.g. "
                    + LeadScorer.LOGISTIC_REGRESSION + "," + LeadScorer.GRADIENT_BOOSTED_TREES);
        }
        List<TrainingOptions> each = learners.stream().map(l -> options.withLearner(l).normalised()).toList();
        return Uni.createFrom().item(() -> {
                    Prepared prepared = prepare(leads, validation, options, source, trainedBy, datasetId);
                    return each.stream().map(o -> ModelTraining.train(prepared, o)).toList();
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(trained -> {
                    Uni<List<Trained>> stored = Uni.createFrom().item(new ArrayList<>());
                    for (Trained t : trained) {
                        stored = stored.chain(list -> store(t).map(report -> {
                            list.add(new Trained(t.model(), report, t.cutoffs()));
                            return list;
                        }));
                    }
                    return stored.map(ModelTraining::compare);
                });
    }

    private static Prepared prepare(List<LabeledLead> leads, List<LabeledLead> validation, TrainingOptions options,
            String source, String trainedBy, String datasetId) {
        return ModelTraining.prepare(leads, validation, options, reserved(options, source), source, trainedBy,
                datasetId);
    }

    private Uni<ModelReport> store(Trained trained) {
        ModelReport draft = trained.report();
        return pool.withTransaction(tx -> tx.query(
                "select pg_advisory_xact_lock(hashtext('sales.scoring-model-version'))").execute()
                .chain(() -> tx.query("select coalesce(max(version), 0) + 1 from silver.retail_sales_scoring_model")
                        .execute())
                .chain(rows -> {
                    int version = rows.iterator().next().getInteger(0);
                    ModelReport report = draft.withState(version, false, null);
                    return tx.preparedQuery("""
                            insert into silver.retail_sales_scoring_model (version, trained_by, training_source, model,
                                report, learner, grading, training_dataset_id, code_version)
                            values ($1, $2, $3, $4::text::jsonb, $5::text::jsonb, $6, $7::text::jsonb, $8, $9)
                            returning trained_at""")
                            .execute(Tuple.from(Arrays.asList(version, draft.trainedBy(), draft.trainingSource(),
                                    trained.model().toJson(), write(report), draft.learner(),
                                    write(draft.protocol().grading()), draft.trainingDatasetId(), announcer.codeVersion())))
                            .map(r -> r.iterator().next().getOffsetDateTime(0))
                            .call(() -> cutoffs.insert(tx, version, draft.protocol().grading().initialBasis(),
                                    trained.cutoffs(), null, null))
                            .call(at -> announce(tx, draft.learner(), version, at, draft.trainingDatasetId(),
                                    announcer.codeVersion(), eventMetrics(report), false))
                            .map(at -> report.withState(version, false, at.toString()));
                }));
    }

    /** The figures the registry keeps for a version. */
    private static Map<String, Double> eventMetrics(ModelReport report) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("auc", report.holdout().auc());
        metrics.put("brierScore", report.holdout().brierScore());
        metrics.put("logLoss", report.holdout().logLoss());
        if (report.crossValidation() != null) {
            metrics.put("cvMeanAuc", report.crossValidation().meanAuc());
        }
        metrics.put("rows", (double) report.rows());
        metrics.put("trainingRows", (double) report.trainingRows());
        metrics.put("validationRows", (double) report.validationRows());
        metrics.put("conversionRate", report.conversionRate());
        return metrics;
    }

    private static final String REPORT_COLUMNS = "version, report::text, active, trained_at::text";

    public Uni<List<ModelReport>> list() {
        return pool.query("select " + REPORT_COLUMNS + " from silver.retail_sales_scoring_model order by version desc")
                .execute()
                .map(rows -> {
                    List<ModelReport> reports = new ArrayList<>();
                    rows.forEach(r -> reports.add(report(r)));
                    return reports;
                });
    }

    public Uni<ModelReport> get(int version) {
        return pool.preparedQuery("select " + REPORT_COLUMNS + " from silver.retail_sales_scoring_model"
                + " where version = $1").execute(Tuple.of(version))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw notFound(version);
                    }
                    return report(rows.iterator().next());
                });
    }

    /** A stored version with its model, for scoring and evaluating files. */
    public Uni<Version> version(SqlClient client, int version) {
        return client.preparedQuery("select " + REPORT_COLUMNS + ", learner, model::text from"
                + " silver.retail_sales_scoring_model where version = $1").execute(Tuple.of(version))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw notFound(version);
                    }
                    Row r = rows.iterator().next();
                    LeadScorer model = models.computeIfAbsent(version,
                            v -> LeadScorer.fromJson(r.getString("learner"), r.getString("model")));
                    return new Version(version, model, report(r));
                });
    }

    public Uni<Version> version(int version) {
        return version(pool, version);
    }

    static ProblemException notFound(int version) {
        return ProblemException.notFound("No lead-scoring model version " + version);
    }

    /**
     * Makes this version the only active one, and tells the registry (this version active, the one it replaces
     * not). Leads are scored with it from their next change (or a rescore).
     */
    public Uni<ModelReport> activate(int version) {
        return pool.withTransaction(tx -> tx.preparedQuery("select 1 from silver.retail_sales_scoring_model"
                + " where version = $1 for update").execute(Tuple.of(version))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw notFound(version);
                    }
                    // two statements: at most one row may be active at any moment (a unique partial index)
                    return tx.preparedQuery("update silver.retail_sales_scoring_model set active = false"
                            + " where active and version <> $1 returning " + ANNOUNCED).execute(Tuple.of(version))
                            .chain(off -> tx.preparedQuery("update silver.retail_sales_scoring_model set active = true,"
                                    + " activated_at = now() where version = $1 and not active returning " + ANNOUNCED)
                                    .execute(Tuple.of(version)).map(on -> {
                                        List<Row> changed = new ArrayList<>();
                                        off.forEach(changed::add);
                                        on.forEach(changed::add);
                                        return changed;
                                    }));
                })
                .chain(changed -> {
                    Uni<Void> announced = Uni.createFrom().voidItem();
                    for (Row r : changed) {
                        ModelReport report = report(r.getString("report"));
                        announced = announced.call(() -> announce(tx, r.getString("learner"),
                                r.getInteger("version"), r.getOffsetDateTime("trained_at"),
                                r.getString("training_dataset_id"), r.getString("code_version"),
                                eventMetrics(report), r.getBoolean("active")));
                    }
                    return announced;
                }))
                .chain(() -> get(version));
    }

    /** Tells the model registry about a version ({@code retailcx.sales.model-version.trained.v1}). */
    private Uni<Void> announce(SqlConnection tx, String learner, int version, OffsetDateTime trainedAt,
            String trainingDatasetId, String codeVersion, Map<String, Double> metrics, boolean active) {
        return announcer.announce(tx, EventCatalog.SALES_MODEL_VERSION_TRAINED, new ModelVersionTrained(MODEL_ID,
                "Lead scoring (" + learner + ")", learner, version, trainedAt, trainingDatasetId, codeVersion, metrics,
                active));
    }

    private static final String ANNOUNCED = "version, active, learner, trained_at, training_dataset_id, code_version,"
            + " report::text as report";

    /** Rescores every open golden lead (not converted, won or disqualified) with the active version, if it is this one. */
    public Uni<Integer> rescoreOpenLeads(int version) {
        return pool.withTransaction(tx -> tx.preparedQuery("select active from silver.retail_sales_scoring_model"
                + " where version = $1").execute(Tuple.of(version))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw notFound(version);
                    }
                    if (!rows.iterator().next().getBoolean(0)) {
                        throw ProblemException.conflict("urn:retailcx:problem:model-not-active", "model version "
                                + version + " is not active; activate it first");
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
        return report(r.getString(1)).withState(r.getInteger(0), r.getBoolean(2), r.getString(3));
    }

    private ModelReport report(String json) {
        try {
            return mapper.readValue(json, ModelReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Uni<Optional<Version>> active(SqlConnection tx) {
        return tx.query("select version from silver.retail_sales_scoring_model where active").execute()
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(Optional.<Version>empty())
                        : version(tx, rows.iterator().next().getInteger(0)).map(Optional::of));
    }

    /**
     * Scores these golden leads with the active model (none: nothing happens), graded by its cut-offs in force, and
     * for each whose probability, grade or model version changed logs the score and queues lead.scored, so that a
     * re-sent identical lead is not announced again.
     */
    public Uni<Integer> scoreGoldenLeads(SqlConnection tx, Long[] goldenIds) {
        if (goldenIds == null || goldenIds.length == 0) {
            return Uni.createFrom().item(0);
        }
        return active(tx).chain(active -> active.isEmpty() ? Uni.createFrom().item(0)
                : cutoffs.current(tx, active.get().version()).chain(thresholds -> tx.preparedQuery("""
                        select g.golden_lead_id, g.source, g.product_interest, g.campaign_id, g.attributes::text,
                               g.score_probability, g.score_grade, g.score_model_version, f.customer_id
                        from silver.retail_sales_lead_golden g
                        left join gold.fact_sales_conversions f on f.golden_lead_id = g.golden_lead_id
                        where g.golden_lead_id = any($1) order by g.golden_lead_id""")
                        .execute(Tuple.of((Object) goldenIds))
                        .chain(rows -> store(tx, active.get(), thresholds, rows))));
    }

    private Uni<Integer> store(SqlConnection tx, Version active, GradeThresholds thresholds, Iterable<Row> rows) {
        List<Long> ids = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        List<String> grades = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Row r : rows) {
            long id = r.getLong("golden_lead_id");
            LeadScore score = active.model().score(features(Long.toString(id), r.getString("source"),
                    r.getString("product_interest"), r.getString("campaign_id"), r.getString("attributes")),
                    thresholds);
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
        return recordScores(tx, active.version(), ids.toArray(Long[]::new), probabilities.toArray(Double[]::new),
                grades.toArray(String[]::new), keys.toArray(String[]::new));
    }

    /**
     * Writes new scores of golden leads: silver, the conversions fact, the score log, and lead.scored in the outbox.
     * Shared by scoring on arrival and by the regrading after a cut-off refresh.
     */
    Uni<Integer> recordScores(SqlConnection tx, int version, Long[] ids, Double[] probabilities, String[] grades,
            String[] keys) {
        Tuple scores = Tuple.of(ids, probabilities, grades);
        return tx.preparedQuery("""
                update silver.retail_sales_lead_golden g set score_probability = u.p, score_grade = u.grade,
                    score_model_version = $4, scored_at = now()
                from unnest($1::bigint[], $2::float8[], $3::text[]) u(id, p, grade) where g.golden_lead_id = u.id""")
                .execute(Tuple.of(ids, probabilities, grades, version))
                .chain(() -> tx.preparedQuery("""
                        update gold.fact_sales_conversions f set score_probability = u.p, score_grade = u.grade
                        from unnest($1::bigint[], $2::float8[], $3::text[]) u(id, p, grade)
                        where f.golden_lead_id = u.id""").execute(scores))
                .chain(() -> tx.preparedQuery("""
                        insert into silver.retail_sales_lead_score_log (golden_lead_id, version, probability, grade)
                        select u.id, $4, u.p, u.grade from unnest($1::bigint[], $2::float8[], $3::text[]) u(id, p, grade)
                        """).execute(Tuple.of(ids, probabilities, grades, version)))
                .chain(() -> outbox.appendAll(tx, EventCatalog.SALES_LEAD_SCORED, """
                        select u.id::text as subject, u.key as record_key,
                               jsonb_build_object('goldenLeadId', u.id::text, 'probability', u.p, 'grade', u.grade,
                                                  'modelVersion', $5::integer) as data
                        from unnest($1::bigint[], $2::float8[], $3::text[], $4::text[]) u(id, p, grade, key)
                        order by u.id""", Tuple.of(ids, probabilities, grades, keys, version)))
                .map(Long::intValue);
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
