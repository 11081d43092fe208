package org.retailcx.sales.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.sales.pipeline.scoring.GradingOptions;
import org.retailcx.sales.pipeline.scoring.TrainingOptions;

/** The training options of an upload, as query parameters (a JSON body holds them for training on silver). */
public class TrainingQuery {

    @QueryParam("learner") @Parameter(description = "logistic-regression (default) or gradient-boosted-trees")
    String learner;
    @QueryParam("protocol") @Parameter(description = "random-stratified (default), time-ordered or validation-upload")
    String protocol;
    @QueryParam("exclude") @Parameter(description = "feature to leave out (repeatable)")
    List<String> exclude;
    @QueryParam("sentinel") @Parameter(description = "feature:value[,value] meaning 'not applicable', e.g. pdays:999"
            + " (repeatable)")
    List<String> sentinel;
    @QueryParam("holdoutFraction")
    Double holdoutFraction;
    @QueryParam("seed")
    Long seed;
    @QueryParam("folds")
    Integer folds;
    @QueryParam("splineSegments")
    Integer splineSegments;
    @QueryParam("l2Penalty")
    Double l2Penalty;
    @QueryParam("timeField") @Parameter(description = "time-ordered: the field holding each row's ISO date")
    String timeField;
    @QueryParam("trainBefore") @Parameter(description = "time-ordered: train on rows dated before this date")
    String trainBefore;
    @QueryParam("trainShare") @Parameter(description = "time-ordered: train on this first share of rows by date")
    Double trainShare;
    @QueryParam("refit") @Parameter(description = "after validation, store the model refitted on all rows")
    Boolean refit;
    @QueryParam("learningRate")
    Double learningRate;
    @QueryParam("maxDepth")
    Integer maxDepth;
    @QueryParam("maxLeaves")
    Integer maxLeaves;
    @QueryParam("minLeafRows")
    Integer minLeafRows;
    @QueryParam("maxTrees")
    Integer maxTrees;
    @QueryParam("grading") @Parameter(description = "training-quantiles (default), recent-quantiles or conversion-targets")
    String grading;
    @QueryParam("gradeShares") @Parameter(description = "shares of A, B, C, e.g. 0.1,0.2,0.3")
    String gradeShares;
    @QueryParam("gradeWindowDays") @Parameter(description = "recent-quantiles: days of scored leads the cut-offs come from")
    Integer gradeWindowDays;
    @QueryParam("gradeTargets") @Parameter(description = "conversion-targets: minimum expected conversion of A, B, C")
    String gradeTargets;

    TrainingOptions options() {
        LocalDate before = null;
        if (trainBefore != null) {
            try {
                before = LocalDate.parse(trainBefore);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("trainBefore", "must be an ISO date, e.g. 2026-01-31");
            }
        }
        GradingOptions grades = new GradingOptions(grading, numbers("gradeShares", gradeShares), gradeWindowDays,
                numbers("gradeTargets", gradeTargets));
        return new TrainingOptions(learner, protocol, holdoutFraction, seed, folds, exclude, sentinels(sentinel),
                splineSegments, l2Penalty, null, timeField, before, trainShare, refit, learningRate, maxDepth,
                maxLeaves, minLeafRows, maxTrees, grades);
    }

    private static List<Double> numbers(String field, String list) {
        if (list == null) {
            return null;
        }
        List<Double> values = new ArrayList<>();
        for (String v : list.split(",")) {
            try {
                values.add(Double.parseDouble(v.trim()));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid(field, "must be numbers separated by commas, got " + v);
            }
        }
        return values;
    }

    private static Map<String, List<Double>> sentinels(List<String> specs) {
        Map<String, List<Double>> sentinels = new HashMap<>();
        for (String spec : specs == null ? List.<String>of() : specs) {
            int colon = spec.indexOf(':');
            if (colon < 1) {
                throw ProblemException.invalid("sentinel", "must be feature:value[,value], got " + spec);
            }
            try {
                sentinels.put(spec.substring(0, colon), numbers("sentinel", spec.substring(colon + 1)));
            } catch (ProblemException e) {
                throw ProblemException.invalid("sentinel", "values must be numbers, got " + spec);
            }
        }
        return sentinels;
    }
}
