package org.retailcx.sales.pipeline.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.retailcx.platform.problem.ProblemException;
import org.retailcx.sales.model.scoring.BoostedTreesModel;
import org.retailcx.sales.model.scoring.GradeThresholds;
import org.retailcx.sales.model.scoring.LabeledLead;
import org.retailcx.sales.model.scoring.LeadScorer;
import org.retailcx.sales.model.scoring.Learner;
import org.retailcx.sales.model.scoring.ModelValidation;
import org.retailcx.sales.model.scoring.ModelValidation.Split;
import org.retailcx.sales.model.scoring.TrainerConfig;
import org.retailcx.sales.pipeline.scoring.ScoringReports.Comparison;
import org.retailcx.sales.pipeline.scoring.ScoringReports.CrossValidation;
import org.retailcx.sales.pipeline.scoring.ScoringReports.Evaluation;
import org.retailcx.sales.pipeline.scoring.ScoringReports.Features;
import org.retailcx.sales.pipeline.scoring.ScoringReports.Importance;
import org.retailcx.sales.pipeline.scoring.ScoringReports.ModelReport;
import org.retailcx.sales.pipeline.scoring.ScoringReports.TimeRange;

/**
 * The validation protocols around the pure learners, without the database: splits the rows as the protocol says,
 * trains, evaluates on the validation part, cross-validates (random-stratified only), refits if asked, and writes
 * the report. Bad protocols are 400 naming the field, data that cannot support them 422 with the reason.
 */
final class ModelTraining {

    static final String UNTRAINABLE = "urn:retailcx:problem:untrainable-data";
    /** A validation part needs this many rows with both outcomes for its AUC to mean anything. */
    static final int MIN_VALIDATION_ROWS = 20;

    private ModelTraining() {
    }

    /** A model trained and validated, with the cut-offs it starts grading by. */
    record Trained(LeadScorer model, ModelReport report, GradeThresholds cutoffs) {
    }

    /** The rows split by the protocol. */
    record Prepared(List<LabeledLead> all, Split split, TimeRange timeRange, Set<String> reserved,
            String source, String trainedBy, String datasetId) {
    }

    /** Splits by the (normalised) protocol; {@code validation} is the validation upload, else null. */
    static Prepared prepare(List<LabeledLead> rows, List<LabeledLead> validation, TrainingOptions options,
            Set<String> reserved, String source, String trainedBy, String datasetId) {
        requireTrainable(rows, "training data");
        Split split;
        TimeRange range = null;
        List<LabeledLead> all = rows;
        switch (options.protocol()) {
            case TrainingOptions.TIME_ORDERED -> {
                ModelValidation.TimeSplit time;
                try {
                    time = options.trainBefore() != null
                            ? ModelValidation.timeOrdered(rows, options.timeField(), options.trainBefore())
                            : ModelValidation.timeOrdered(rows, options.timeField(), options.trainShare());
                } catch (ModelValidation.NotADateException e) {
                    throw ProblemException.invalid("timeField", e.getMessage());
                } catch (IllegalArgumentException e) {
                    throw tooShort(e.getMessage());
                }
                split = time.split();
                range = new TimeRange(time.timeField(), time.trainFrom(), time.trainTo(), time.validateFrom(),
                        time.validateTo());
                all = new ArrayList<>(split.training());
                all.addAll(split.test());
                if (time.trainTo().equals(time.validateFrom()) && time.trainFrom().equals(time.validateTo())) {
                    throw tooShort(options.timeField() + " holds one date only (" + time.trainFrom() + "): there is no"
                            + " before and after to validate on");
                }
            }
            case TrainingOptions.VALIDATION_UPLOAD -> {
                if (validation == null) {
                    throw ProblemException.invalid("protocol", TrainingOptions.VALIDATION_UPLOAD + " needs a"
                            + " multipart upload with a training and a validation part");
                }
                split = new Split(rows, validation);
                all = new ArrayList<>(rows);
                all.addAll(validation);
            }
            default -> split = ModelValidation.stratifiedHoldout(rows, options.holdoutFraction(), options.seed());
        }
        requireTrainable(split.training(), "the training part" + (range == null ? "" : " (" + range.trainFrom()
                + " to " + range.trainTo() + ")"));
        requireValidatable(split.test(), "the validation part" + (range == null ? "" : " (" + range.validateFrom()
                + " to " + range.validateTo() + ")"));
        return new Prepared(all, split, range, reserved,
                source, trainedBy, datasetId);
    }

    /** Trains the options' learner on the prepared split and reports. */
    static Trained train(Prepared prepared, TrainingOptions options) {
        Learner learner = options.learner(prepared.reserved());
        LeadScorer validated = fit(learner, prepared.split().training());
        GradeThresholds cutoffs = options.grading().initial(validated.gradeThresholds());
        Evaluation holdout = Evaluation.of(validated, prepared.split().test(), cutoffs);
        List<Importance> importance = Importance.of(validated, prepared.split().test());
        CrossValidation cv = null;
        if (options.folds() > 0) {
            var result = ModelValidation.crossValidate(learner, prepared.all(), options.folds(), options.seed());
            cv = new CrossValidation(options.folds(), result.meanAuc(), result.sdAuc(), result.foldAuc());
        }
        LeadScorer model = options.refit() ? fit(learner.refitting(validated), prepared.all())
                : validated;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("holdout.auc", holdout.auc());
        metrics.put("holdout.brierScore", holdout.brierScore());
        metrics.put("holdout.logLoss", holdout.logLoss());
        if (cv != null) {
            metrics.put("cv.meanAuc", cv.meanAuc());
        }
        model = model.withMetrics(metrics);
        cutoffs = options.grading().initial(model.gradeThresholds());

        Set<String> input = new TreeSet<>();
        prepared.all().forEach(l -> input.addAll(l.lead().features().keySet()));
        input.removeAll(prepared.reserved());
        List<String> used = model.encoder().featureNames();
        List<String> unused = input.stream().filter(f -> !used.contains(f)).toList();
        long conversions = prepared.all().stream().filter(LabeledLead::converted).count();
        ModelReport report = new ModelReport(null, learner.name(), prepared.source(), prepared.trainedBy(),
                prepared.datasetId(), prepared.all().size(), prepared.split().training().size(),
                prepared.split().test().size(), (double) conversions / prepared.all().size(),
                model.encoder().dimension(), options, prepared.timeRange(), options.refit(), holdout, cv,
                holdout.grades(), new Features(used, unused), importance, model.metrics(), false, null);
        return new Trained(model, report, cutoffs);
    }

    /** Each learner on the same split; AUC differences are the second learner's minus the first's. */
    static Comparison compare(List<Trained> trained) {
        ModelReport first = trained.get(0).report();
        ModelReport second = trained.size() > 1 ? trained.get(1).report() : null;
        List<Double> folds = null;
        if (second != null && first.crossValidation() != null && second.crossValidation() != null) {
            folds = new ArrayList<>();
            for (int f = 0; f < first.crossValidation().folds(); f++) {
                folds.add(second.crossValidation().foldAuc().get(f) - first.crossValidation().foldAuc().get(f));
            }
        }
        return new Comparison(first.protocol().protocol(), first.validationRows(),
                trained.stream().map(Trained::report).toList(),
                second == null ? null : second.holdout().auc() - first.holdout().auc(), folds);
    }

    private static LeadScorer fit(Learner learner, List<LabeledLead> rows) {
        try {
            return learner.train(rows);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(UNTRAINABLE, "Cannot train on this data", e.getMessage());
        }
    }

    private static void requireTrainable(List<LabeledLead> leads, String what) {
        long conversions = leads.stream().filter(LabeledLead::converted).count();
        if (leads.size() < TrainerConfig.DEFAULT_MIN_TRAINING_ROWS || conversions < 10
                || leads.size() - conversions < 10) {
            throw ProblemException.unprocessable(UNTRAINABLE, "Cannot train on this data", what + " needs at least "
                    + TrainerConfig.DEFAULT_MIN_TRAINING_ROWS + " leads with at least 10 of each outcome; got "
                    + leads.size() + " with " + conversions + " converted");
        }
    }

    private static void requireValidatable(List<LabeledLead> leads, String what) {
        long conversions = leads.stream().filter(LabeledLead::converted).count();
        if (leads.size() < MIN_VALIDATION_ROWS || conversions == 0 || conversions == leads.size()) {
            throw ProblemException.unprocessable(UNTRAINABLE, "Cannot validate on this data", what + " needs at least "
                    + MIN_VALIDATION_ROWS + " leads with both outcomes, or its AUC is undefined; got " + leads.size()
                    + " with " + conversions + " converted");
        }
    }

    private static ProblemException tooShort(String reason) {
        return ProblemException.unprocessable(UNTRAINABLE, "Time range too short", reason);
    }

    /** Boosted-trees models answer their gain shares; others nothing. */
    static Map<String, Double> gainImportance(LeadScorer model) {
        return model instanceof BoostedTreesModel trees ? trees.gainImportance() : null;
    }
}
