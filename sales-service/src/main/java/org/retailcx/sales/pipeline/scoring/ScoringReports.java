package org.retailcx.sales.pipeline.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.retailcx.sales.model.scoring.GradeThresholds;
import org.retailcx.sales.model.scoring.LabeledLead;
import org.retailcx.sales.model.scoring.LeadScorer;
import org.retailcx.sales.model.scoring.ModelEvaluation;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What training and evaluation report, as the API returns and the database stores them. */
public final class ScoringReports {

    private ScoringReports() {
    }

    @RegisterForReflection
    public record Calibration(int decile, int count, double meanPredicted, double observedRate) {
    }

    @RegisterForReflection
    public record Gains(int decile, int count, int conversions, double conversionRate, double lift,
            double cumulativeShareOfLeads, double cumulativeGain, double cumulativeLift) {
    }

    /** Conversion of the leads one grade got; {@code minimumProbability} is the grade's cut-off. */
    @RegisterForReflection
    public record GradeRow(String grade, double minimumProbability, int count, int conversions,
            Double conversionRate) {
    }

    /** How well a model's scores match outcomes on a set of labelled leads it was not trained on. */
    @RegisterForReflection
    public record Evaluation(int rows, int conversions, double auc, double brierScore, double logLoss,
            double calibrationInTheLarge, List<Calibration> calibration, List<Gains> gains, List<GradeRow> grades) {

        static Evaluation of(LeadScorer model, List<LabeledLead> leads, GradeThresholds thresholds) {
            ModelEvaluation e = ModelEvaluation.of(model, leads, thresholds);
            List<GradeRow> grades = new ArrayList<>();
            e.conversionByGrade().forEach((grade, c) -> grades.add(new GradeRow(grade.name(), switch (grade) {
                case A -> thresholds.minimumA();
                case B -> thresholds.minimumB();
                case C -> thresholds.minimumC();
                case D -> 0.0;
            }, c.count(), c.conversions(), Double.isNaN(c.conversionRate()) ? null : c.conversionRate())));
            return new Evaluation(e.count(), e.conversions(), e.auc(), e.brierScore(), e.logLoss(),
                    e.calibrationInTheLarge(), e.calibration().stream().map(b -> new Calibration(b.decile(),
                            b.count(), b.meanPredicted(), b.observedRate())).toList(),
                    e.gains().stream().map(g -> new Gains(g.decile(), g.count(), g.conversions(),
                            g.conversionRate(), g.lift(), g.cumulativeShareOfLeads(), g.cumulativeGain(),
                            g.cumulativeLift())).toList(), grades);
        }
    }

    @RegisterForReflection
    public record CrossValidation(int folds, double meanAuc, double sdAuc, List<Double> foldAuc) {
    }

    /** A time-ordered split: the field and the dates each part spans. */
    @RegisterForReflection
    public record TimeRange(String timeField, LocalDate trainFrom, LocalDate trainTo, LocalDate validateFrom,
            LocalDate validateTo) {
    }

    /** A feature's weight in the model's scores: mean |contribution| to the log-odds, and its share of the total. */
    @RegisterForReflection
    public record Importance(String feature, double meanAbsContribution, double share) {

        /** Over the leads' explanations (out of sample when they are the validation part). */
        static List<Importance> of(LeadScorer model, List<LabeledLead> leads) {
            Map<String, Double> sums = new LinkedHashMap<>();
            for (LabeledLead lead : leads) {
                model.explain(lead.lead()).contributions()
                        .forEach((feature, c) -> sums.merge(feature, Math.abs(c), Double::sum));
            }
            double total = sums.values().stream().mapToDouble(Double::doubleValue).sum();
            return sums.entrySet().stream()
                    .map(e -> new Importance(e.getKey(), e.getValue() / leads.size(),
                            total > 0 ? e.getValue() / total : 0))
                    .sorted(Comparator.comparingDouble(Importance::meanAbsContribution).reversed()).toList();
        }
    }

    /** The input features: those the model uses, and those seen in training that it leaves out. */
    @RegisterForReflection
    public record Features(List<String> used, List<String> unused) {
    }

    /** What training measured; stored with the model and returned by the API. */
    @RegisterForReflection
    public record ModelReport(Integer version, String learner, String trainingSource, String trainedBy,
            String trainingDatasetId, int rows, int trainingRows, int validationRows, double conversionRate,
            int featureColumns, TrainingOptions protocol, TimeRange timeRange, boolean refitted, Evaluation holdout,
            CrossValidation crossValidation, List<GradeRow> grades, Features features, List<Importance> importance,
            Map<String, Double> modelMetrics, Boolean active, String trainedAt) {

        ModelReport withState(int newVersion, boolean isActive, String at) {
            return new ModelReport(newVersion, learner, trainingSource, trainedBy, trainingDatasetId, rows,
                    trainingRows, validationRows, conversionRate, featureColumns, protocol, timeRange, refitted,
                    holdout, crossValidation, grades, features, importance, modelMetrics, isActive, at);
        }
    }

    /** Two or more learners trained on the same rows with the same protocol, side by side. */
    @RegisterForReflection
    public record Comparison(String protocol, int validationRows, List<ModelReport> models, Double aucDifference,
            List<Double> foldAucDifferences) {
    }

    /** A stored evaluation of a model version on labelled leads it was not trained on. */
    @RegisterForReflection
    public record StoredEvaluation(Long evaluationId, int version, String learner, String source,
            Map<String, Object> parameters, Evaluation evaluation, String createdBy, String createdAt) {
    }

    /** One reason for a score: the feature and its contribution to the log-odds. */
    @RegisterForReflection
    public record Reason(String feature, double contribution) {
    }

    @RegisterForReflection
    public record ScoredLead(String leadId, double probability, String grade, List<Reason> reasons) {
    }

    /** An uploaded file scored: one item per row in upload order, and how many leads each grade got. */
    @RegisterForReflection
    public record ScoredFile(int version, String learner, int rows, Map<String, Integer> gradeCounts,
            List<ScoredLead> items) {
    }

    /** What explains a model: coefficients (linear) or gain shares (trees), and each feature's importance. */
    @RegisterForReflection
    public record ModelExplanation(int version, String learner, Double intercept, Map<String, Double> coefficients,
            Map<String, Double> gainImportance, Integer trees, List<Importance> importance) {
    }
}
