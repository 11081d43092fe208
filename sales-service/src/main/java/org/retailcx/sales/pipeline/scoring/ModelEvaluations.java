package org.retailcx.sales.pipeline.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.api.Page;
import org.retailcx.platform.problem.Problem.FieldError;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.sales.model.scoring.LabeledLead;
import org.retailcx.sales.model.scoring.LeadFeatures;
import org.retailcx.sales.model.scoring.LeadScore;
import org.retailcx.sales.model.scoring.LogisticModel;
import org.retailcx.sales.pipeline.scoring.LeadScoringService.Version;
import org.retailcx.sales.pipeline.scoring.ScoringReports.Evaluation;
import org.retailcx.sales.pipeline.scoring.ScoringReports.ModelExplanation;
import org.retailcx.sales.pipeline.scoring.ScoringReports.Reason;
import org.retailcx.sales.pipeline.scoring.ScoringReports.ScoredFile;
import org.retailcx.sales.pipeline.scoring.ScoringReports.ScoredLead;
import org.retailcx.sales.pipeline.scoring.ScoringReports.StoredEvaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A stored version applied to leads outside the CRM: scores an uploaded file (nothing written), evaluates it on a
 * labelled file or on silver outcomes of a date range (stored with the version and listed), and explains it.
 */
@ApplicationScoped
public class ModelEvaluations {

    static final String AUC_UNDEFINED = "urn:retailcx:problem:auc-undefined";
    static final int MAX_REASONS = 10;

    private final Pool pool;
    private final LeadScoringService scoring;
    private final GradeCutoffs cutoffs;
    private final ObjectMapper mapper;

    public ModelEvaluations(Pool pool, LeadScoringService scoring, GradeCutoffs cutoffs, ObjectMapper mapper) {
        this.pool = pool;
        this.scoring = scoring;
        this.cutoffs = cutoffs;
        this.mapper = mapper;
    }

    /** Probabilities and grades (by the cut-offs in force) of each row, with its top reasons if asked; writes nothing. */
    public Uni<ScoredFile> score(int versionNumber, List<LeadFeatures> leads, int reasons) {
        if (reasons < 0 || reasons > MAX_REASONS) {
            throw ProblemException.invalid("explain", "must be 0.." + MAX_REASONS);
        }
        return scoring.version(versionNumber).chain(version -> cutoffs.current(pool, versionNumber)
                .chain(t -> Uni.createFrom().item(() -> {
                    checkColumns(version, leads);
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    for (String g : List.of("A", "B", "C", "D")) {
                        counts.put(g, 0);
                    }
                    List<ScoredLead> items = new ArrayList<>(leads.size());
                    for (LeadFeatures lead : leads) {
                        LeadScore s = version.model().score(lead, t);
                        counts.merge(s.grade().name(), 1, Integer::sum);
                        List<Reason> why = reasons == 0 ? null : version.model().explain(lead).top(reasons).stream()
                                .map(r -> new Reason(r.feature(), r.contribution())).toList();
                        items.add(new ScoredLead(lead.id(), s.probability(), s.grade().name(), why));
                    }
                    return new ScoredFile(versionNumber, version.model().learner(), leads.size(), counts, items);
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())));
    }

    /** Evaluates the version on an uploaded labelled file and stores the evaluation. */
    public Uni<StoredEvaluation> evaluateUpload(int versionNumber, List<LabeledLead> leads, String datasetId,
            String user) {
        return scoring.version(versionNumber).chain(version -> {
            checkColumns(version, leads.stream().map(LabeledLead::lead).toList());
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("trainingDatasetId", datasetId);
            return evaluateAndStore(version, leads, "upload", parameters, user);
        });
    }

    /** Evaluates the version on silver outcomes of golden leads created in [from, to] (labels as for training). */
    public Uni<StoredEvaluation> evaluateSilver(int versionNumber, LocalDate from, LocalDate to,
            Integer unconvertedAfterDays, String user) {
        int days = unconvertedAfterDays == null ? TrainingOptions.DEFAULT_UNCONVERTED_AFTER_DAYS : unconvertedAfterDays;
        if (from == null || to == null) {
            throw ProblemException.invalid(from == null ? "from" : "to", "is required: the range of lead creation"
                    + " dates to evaluate on");
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (days < 1) {
            throw ProblemException.invalid("unconvertedAfterDays", "must be at least 1");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", from.toString());
        parameters.put("to", to.toString());
        parameters.put("unconvertedAfterDays", days);
        return scoring.version(versionNumber).chain(version -> scoring.labeledFromSilver(days, from, to)
                .chain(leads -> evaluateAndStore(version, leads, "silver", parameters, user)));
    }

    private Uni<StoredEvaluation> evaluateAndStore(Version version, List<LabeledLead> leads, String source,
            Map<String, Object> parameters, String user) {
        long conversions = leads.stream().filter(LabeledLead::converted).count();
        if (leads.isEmpty() || conversions == 0 || conversions == leads.size()) {
            throw ProblemException.unprocessable(AUC_UNDEFINED, "AUC is undefined on these leads", "AUC is the chance"
                    + " that a converted lead scores above a non-converted one, so it needs both outcomes; these "
                    + leads.size() + " leads hold " + conversions + " converted and " + (leads.size() - conversions)
                    + " not converted");
        }
        return cutoffs.current(pool, version.version())
                .chain(t -> Uni.createFrom().item(() -> Evaluation.of(version.model(), leads, t))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .chain(evaluation -> pool.preparedQuery("""
                        insert into silver.retail_sales_scoring_evaluation (version, source, parameters, report,
                            created_by) values ($1, $2, $3::text::jsonb, $4::text::jsonb, $5)
                        returning evaluation_id, created_at::text""")
                        .execute(Tuple.from(java.util.Arrays.asList(version.version(), source,
                                scoring.write(parameters), scoring.write(evaluation), user)))
                        .map(rows -> new StoredEvaluation(rows.iterator().next().getLong(0), version.version(),
                                version.model().learner(), source, parameters, evaluation, user,
                                rows.iterator().next().getString(1))));
    }

    /** The version's stored evaluations, newest first, cursor-paged. */
    public Uni<Page<StoredEvaluation>> list(int versionNumber, int limit, long afterId) {
        return scoring.version(versionNumber).chain(version -> pool.preparedQuery("""
                select evaluation_id, source, parameters::text, report::text, created_by, created_at::text
                from silver.retail_sales_scoring_evaluation where version = $1 and evaluation_id < $2
                order by evaluation_id desc limit $3""").execute(Tuple.of(versionNumber, afterId, limit + 1))
                .map(rows -> {
                    List<StoredEvaluation> items = new ArrayList<>();
                    for (Row r : rows) {
                        items.add(new StoredEvaluation(r.getLong(0), versionNumber, version.model().learner(),
                                r.getString(1), read(r.getString(2), new TypeReference<Map<String, Object>>() {
                                }), read(r.getString(3), new TypeReference<Evaluation>() {
                                }), r.getString(4), r.getString(5)));
                    }
                    return Page.of(items, limit, e -> Long.toString(e.evaluationId()));
                }));
    }

    public Uni<ModelExplanation> explain(int versionNumber) {
        return scoring.version(versionNumber).map(version -> {
            var model = version.model();
            Double intercept = null;
            Map<String, Double> coefficients = null;
            Integer trees = null;
            if (model instanceof LogisticModel linear) {
                intercept = linear.intercept();
                coefficients = linear.coefficientsByColumn();
            } else {
                trees = model.metrics().getOrDefault("boosting.trees", 0.0).intValue();
            }
            return new ModelExplanation(versionNumber, model.learner(), intercept, coefficients,
                    ModelTraining.gainImportance(model), trees, version.report().importance());
        });
    }

    /**
     * 400 naming each column the version does not know (not seen in its training data), and each column it uses
     * that no row holds (a row may leave one out: that lead's value is missing).
     */
    static void checkColumns(Version version, List<LeadFeatures> leads) {
        var features = version.report().features();
        if (features == null) {
            return; // a version stored before input features were recorded
        }
        Set<String> known = new HashSet<>(features.used());
        known.addAll(features.unused());
        TrainingOptions protocol = version.report().protocol();
        if (protocol != null && protocol.timeField() != null) {
            known.add(protocol.timeField());
        }
        known.add(TrainingOptions.SILVER_TIME_FIELD);
        Set<String> present = new HashSet<>();
        Map<String, FieldError> errors = new TreeMap<>();
        for (LeadFeatures lead : leads) {
            for (String name : lead.features().keySet()) {
                present.add(name);
                if (!known.contains(name) && errors.size() < 20) {
                    errors.putIfAbsent(name, new FieldError(name, "is not a feature of model version "
                            + version.version() + " (it knows " + String.join(", ", new java.util.TreeSet<>(known))
                            + ")"));
                }
            }
        }
        for (String used : features.used()) {
            if (!present.contains(used)) {
                errors.put(used, new FieldError(used, "is used by model version " + version.version()
                        + " and absent from every row (send it, null where unknown)"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(new ArrayList<>(errors.values()));
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
