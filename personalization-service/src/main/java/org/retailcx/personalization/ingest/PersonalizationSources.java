package org.retailcx.personalization.ingest;

import static org.retailcx.platform.medallion.MedallionSource.Column.of;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.DataQualityRule;
import org.retailcx.platform.medallion.EventSource;
import org.retailcx.platform.medallion.MedallionDomain;
import org.retailcx.platform.medallion.MedallionSource;
import org.retailcx.platform.medallion.MedallionSource.Access;
import org.retailcx.platform.security.Roles;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventType;
import org.retailcx.schema.clv.CustomerValuePredicted;
import org.retailcx.schema.ml.ModelVersionTrained;
import org.retailcx.schema.sales.LeadScored;

/**
 * What personalization-service ingests: model versions for the registry, predictions for the prediction store and
 * feature values for the feature store, from the API and from the events of the services that train and run the
 * suite's own models.
 */
@ApplicationScoped
public class PersonalizationSources implements MedallionDomain {

    /** The suite's own models, as their training services name them in model-version-trained events. */
    public static final String LEAD_SCORING_MODEL = "sales.lead-scoring";
    public static final String CLV_MODEL = "clv.customer-lifetime-value";

    /** Data scientists register models (training services through events); model owners and ops read versions. */
    static final Access REGISTRY = Access.of(Set.of(Roles.DATA_SCIENTIST, Roles.SERVICE, Roles.ADMIN),
            Set.of(Roles.DATA_SCIENTIST, Roles.SERVICE, Roles.ADMIN), Set.of(Roles.DATA_SCIENTIST, Roles.ADMIN));

    /** Scoring jobs and services write predictions; data scientists may load a batch scored offline. */
    static final Access PREDICTIONS = Access.of(Set.of(Roles.SERVICE, Roles.ADMIN),
            Set.of(Roles.SERVICE, Roles.DATA_SCIENTIST, Roles.ADMIN), Set.of(Roles.DATA_SCIENTIST, Roles.ADMIN));

    public static final MedallionSource<ModelVersionRecord> MODEL_VERSIONS = MedallionSource
            .of("model-versions", ModelVersionRecord.class)
            .table("bronze.retail_ml_model_registry")
            .id("modelId", m -> ModelVersionRecord.key(m.modelId(), m.version()))
            .access(REGISTRY).defaultSourceSystem("api")
            .rules(List.of(
                    new DataQualityRule("lineage-immutable", "trainingDatasetId", """
                            exists (select 1 from silver.ml_model_version v where v.model_id = b.model_id
                                and v.version = b.version and (v.training_dataset_id is distinct from
                                b.training_dataset_id or v.code_version is distinct from b.code_version))""",
                            "'model ' || b.model_id || ' version ' || b.version || ' was registered with training"
                                    + " data set ' || coalesce((select v.training_dataset_id from"
                                    + " silver.ml_model_version v where v.model_id = b.model_id and v.version ="
                                    + " b.version), 'none') || ' and its code version; lineage cannot change:"
                                    + " register a new version'"),
                    new DataQualityRule("deprecation-after-deployment", "deprecationDate",
                            "b.deprecation_date < b.deployment_date",
                            "'deprecationDate ' || b.deprecation_date || ' is before deploymentDate '"
                                    + " || b.deployment_date")))
            .columns(of("model_id", ModelVersionRecord::modelId), of("name", ModelVersionRecord::name),
                    of("model_type", ModelVersionRecord::modelType), of("version", ModelVersionRecord::version),
                    of("deployment_date", ModelVersionRecord::deploymentDate),
                    of("training_dataset_id", ModelVersionRecord::trainingDatasetId),
                    of("code_version", ModelVersionRecord::codeVersion),
                    of("model_metrics", ModelVersionRecord::modelMetrics),
                    of("active_flag", ModelVersionRecord::activeFlag),
                    of("deprecation_date", ModelVersionRecord::deprecationDate))
            .build();

    public static final MedallionSource<PredictionRecord> PREDICTIONS_SOURCE = MedallionSource
            .of("predictions", PredictionRecord.class)
            .table("bronze.retail_ml_model_predictions").id("predictionId", PredictionRecord::predictionId)
            .access(PREDICTIONS).defaultSourceSystem("api").customerColumn("customer_id")
            .rules(List.of(
                    new DataQualityRule("model-version-registered", "modelVersion", """
                            not exists (select 1 from silver.ml_model_version v where v.model_id = b.model_id
                                and v.version = b.model_version)""",
                            "'model ' || b.model_id || ' version ' || b.model_version || ' is not registered'"),
                    new DataQualityRule("model-version-not-deprecated", "predictionTimestamp", """
                            exists (select 1 from silver.ml_model_version v where v.model_id = b.model_id
                                and v.version = b.model_version and v.deprecation_date <= b.prediction_timestamp)""",
                            "'model ' || b.model_id || ' version ' || b.model_version || ' was deprecated before '"
                                    + " || b.prediction_timestamp")))
            .columns(of("prediction_id", PredictionRecord::predictionId),
                    of("customer_id", PredictionRecord::customerId), of("model_id", PredictionRecord::modelId),
                    of("model_version", PredictionRecord::modelVersion),
                    of("prediction_type", PredictionRecord::predictionType),
                    of("predicted_value", PredictionRecord::predictedValue),
                    of("confidence_score", PredictionRecord::confidenceScore),
                    of("feature_values", PredictionRecord::featureValues),
                    of("prediction_timestamp", PredictionRecord::predictionTimestamp),
                    of("model_runtime_ms", PredictionRecord::modelRuntimeMs))
            .build();

    /** Feature pipelines write values; data scientists may backfill a batch. */
    static final Access FEATURES = Access.of(Set.of(Roles.SERVICE, Roles.ADMIN),
            Set.of(Roles.SERVICE, Roles.DATA_SCIENTIST, Roles.ADMIN), Set.of(Roles.DATA_SCIENTIST, Roles.ADMIN));

    public static final MedallionSource<FeatureValueRecord> FEATURE_VALUES = MedallionSource
            .of("features", FeatureValueRecord.class)
            .table("bronze.retail_ml_features").id("featureId", FeatureValueRecord::featureId)
            .access(FEATURES).defaultSourceSystem("api").customerColumn("customer_id")
            .rules(List.of(
                    new DataQualityRule("feature-defined", "featureName", """
                            not exists (select 1 from silver.ml_feature_definition d
                                where d.feature_name = b.feature_name)""",
                            "'feature ' || b.feature_name || ' is not defined'"),
                    new DataQualityRule("value-type", "featureValue", """
                            exists (select 1 from silver.ml_feature_definition d where d.feature_name = b.feature_name
                                and d.value_type <> jsonb_typeof(b.feature_value))""",
                            "'featureValue is a ' || jsonb_typeof(b.feature_value) || ', feature ' || b.feature_name"
                                    + " || ' holds a ' || (select d.value_type from silver.ml_feature_definition d"
                                    + " where d.feature_name = b.feature_name)"),
                    new DataQualityRule("timestamp-not-in-future", "featureTimestamp", "b.feature_timestamp > now()",
                            "'featureTimestamp ' || b.feature_timestamp || ' is in the future'")))
            .columns(of("feature_id", FeatureValueRecord::featureId),
                    of("customer_id", FeatureValueRecord::customerId),
                    of("feature_name", FeatureValueRecord::featureName),
                    // as a JSON tree, so that a string value is written as a JSON string, not read as JSON text
                    of("feature_value", f -> EventJson.mapper().valueToTree(f.featureValue())),
                    of("feature_timestamp", FeatureValueRecord::featureTimestamp),
                    of("feature_version", FeatureValueRecord::featureVersion),
                    of("feature_type", FeatureValueRecord::featureType),
                    of("data_source", FeatureValueRecord::dataSource),
                    of("calculation_logic", FeatureValueRecord::calculationLogic))
            .build();

    /** Analysts define experiments; services read the published definitions through the experiments API. */
    private static final Set<String> EXPERIMENT_OWNERS = Set.of(Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN);
    static final Access EXPERIMENTS_ACCESS = Access.of(EXPERIMENT_OWNERS, EXPERIMENT_OWNERS, EXPERIMENT_OWNERS);

    /** Another experiment that is not stopped holds part of bronze row b's namespace range. */
    private static final String OVERLAPPING = """
            silver.ab_experiment x where x.experiment_id <> b.experiment_id and x.namespace_id = b.namespace_id
                and x.status <> 'stopped' and x.namespace_start < b.namespace_end and b.namespace_start < x.namespace_end""";

    public static final MedallionSource<ExperimentRecord> EXPERIMENTS = MedallionSource
            .of("experiments", ExperimentRecord.class)
            .table("bronze.retail_ab_test_experiments").id("experimentId", ExperimentRecord::experimentId)
            .access(EXPERIMENTS_ACCESS).defaultSourceSystem("api").beforeBronze(ExperimentRecord::checked)
            .rules(List.of(
                    // another experiment already holds part of the range: users would be in both
                    new DataQualityRule("namespace-range-free", "namespaceStart",
                            "b.namespace_id is not null and exists (select 1 from " + OVERLAPPING + ")",
                            "'namespace ' || b.namespace_id || ' [' || b.namespace_start || ', ' || b.namespace_end"
                                    + " || ') overlaps experiment ' || (select min(x.experiment_id) from "
                                    + OVERLAPPING + ")")))
            .columns(of("experiment_id", ExperimentRecord::experimentId), of("name", ExperimentRecord::name),
                    of("experiment_type", ExperimentRecord::experimentType),
                    of("start_date", ExperimentRecord::startDate), of("end_date", ExperimentRecord::endDate),
                    of("status", ExperimentRecord::status), of("hypothesis", ExperimentRecord::hypothesis),
                    of("success_metric", ExperimentRecord::successMetric),
                    of("control_variant_id", ExperimentRecord::controlVariantId),
                    of("treatment_variant_ids", e -> EventJson.mapper().valueToTree(e.treatmentVariantIds())),
                    of("variants", e -> EventJson.mapper().valueToTree(e.variants())),
                    of("weights", e -> EventJson.mapper().valueToTree(e.weights())),
                    of("coverage", ExperimentRecord::coverage), of("hash_attribute", ExperimentRecord::hashAttribute),
                    of("seed", ExperimentRecord::seed), of("hash_version", ExperimentRecord::hashVersion),
                    of("namespace_id", ExperimentRecord::namespaceId),
                    of("namespace_start", ExperimentRecord::namespaceStart),
                    of("namespace_end", ExperimentRecord::namespaceEnd),
                    of("condition", e -> e.condition() == null ? null
                            : EventJson.mapper().valueToTree(e.condition())))
            .build();

    /** Front ends and services record exposures and conversions; analysts may load a batch from elsewhere. */
    static final Access EXPOSURES_ACCESS = Access.of(Set.of(Roles.SERVICE, Roles.ADMIN),
            Set.of(Roles.SERVICE, Roles.DATA_SCIENTIST, Roles.ADMIN), EXPERIMENT_OWNERS);

    public static final MedallionSource<ExposureRecord> EXPOSURES = MedallionSource
            .of("exposures", ExposureRecord.class)
            .table("bronze.retail_ab_test_variants").id("customerId", ExposureRecord::key)
            .access(EXPOSURES_ACCESS).defaultSourceSystem("api").customerColumn("customer_id")
            .beforeBronze(ExposureRecord::checked)
            .rules(List.of(
                    new DataQualityRule("experiment-defined", "experimentId", """
                            not exists (select 1 from silver.ab_experiment x where x.experiment_id = b.experiment_id)""",
                            "'experiment ' || b.experiment_id || ' is not defined'"),
                    new DataQualityRule("variant-of-experiment", "variantId", """
                            exists (select 1 from silver.ab_experiment x where x.experiment_id = b.experiment_id
                                and not (x.variants ? b.variant_id))""",
                            "'experiment ' || b.experiment_id || ' has no variant ' || b.variant_id")))
            .columns(of("experiment_id", ExposureRecord::experimentId), of("customer_id", ExposureRecord::customerId),
                    of("variant_id", ExposureRecord::variantId), of("assignment_date", ExposureRecord::assignmentDate),
                    of("exposure_count", ExposureRecord::exposureCount),
                    of("conversion_flag", ExposureRecord::converted),
                    of("conversion_date", ExposureRecord::conversionDate),
                    of("metric_value", ExposureRecord::metric),
                    of("pre_metric_value", ExposureRecord::preMetricValue))
            .build();

    static EventSource<?, ?> trained(EventType<ModelVersionTrained> type, String sourceSystem) {
        return new EventSource<>(type, MODEL_VERSIONS, sourceSystem, t -> new ModelVersionRecord(t.modelId(),
                t.name(), t.modelType(), t.version(), t.trainedAt(), t.trainingDatasetId(), t.codeVersion(),
                t.metrics(), t.active(), null));
    }

    /**
     * A lead score is the lead-scoring model's prediction for a golden lead. The event names no customer, so the
     * entity is the lead ({@code lead:<goldenLeadId>}); nor a time, so the prediction is dated when it lands. One
     * prediction per lead and model version: a re-score by the same version is a new version of it.
     */
    static final EventSource<?, ?> LEAD_SCORES = new EventSource<>(EventCatalog.SALES_LEAD_SCORED,
            PREDICTIONS_SOURCE, "sales-service", (LeadScored s) -> new PredictionRecord(
                    LEAD_SCORING_MODEL + ":" + s.goldenLeadId() + ":" + s.modelVersion(), "lead:" + s.goldenLeadId(),
                    LEAD_SCORING_MODEL, s.modelVersion(), PredictionTypes.LEAD_CONVERSION, s.probability(), null,
                    Map.of("grade", s.grade()), OffsetDateTime.now(ZoneOffset.UTC), null));

    /** A CLV model version's value for a customer, as of its prediction date; the other outputs travel as features. */
    static final EventSource<?, ?> CUSTOMER_VALUES = new EventSource<>(EventCatalog.CLV_CUSTOMER_VALUE_PREDICTED,
            PREDICTIONS_SOURCE, "clv-service", (CustomerValuePredicted p) -> {
                Map<String, Object> outputs = new LinkedHashMap<>();
                outputs.put("decile", p.decile());
                outputs.put("probabilityAlive", p.probabilityAlive());
                outputs.put("predictedClv12mo", p.predictedClv12mo());
                outputs.put("predictedClv36mo", p.predictedClv36mo());
                outputs.put("expectedPurchases12mo", p.expectedPurchases12mo());
                if (p.segment() != null) {
                    outputs.put("segment", p.segment());
                }
                return new PredictionRecord(CLV_MODEL + ":" + p.customerId() + ":" + p.modelVersion(),
                        p.customerId(), CLV_MODEL, p.modelVersion(), PredictionTypes.CLV,
                        p.predictedClvLifetime().doubleValue(), null, outputs,
                        p.predictionDate().atStartOfDay().atOffset(ZoneOffset.UTC), null);
            });

    @Override
    public String domain() {
        return "personalization";
    }

    @Override
    public List<MedallionSource<?>> sources() {
        return List.of(MODEL_VERSIONS, PREDICTIONS_SOURCE, FEATURE_VALUES, EXPERIMENTS, EXPOSURES);
    }

    @Override
    public List<EventSource<?, ?>> eventSources() {
        return List.of(trained(EventCatalog.SALES_MODEL_VERSION_TRAINED, "sales-service"),
                trained(EventCatalog.CLV_MODEL_VERSION_TRAINED, "clv-service"),
                trained(EventCatalog.RECOMMENDATION_MODEL_VERSION_TRAINED, "recommendation-service"), LEAD_SCORES,
                CUSTOMER_VALUES);
    }

    @Override
    public Set<String> operatorRoles() {
        return Set.of(Roles.DATA_SCIENTIST, Roles.ADMIN);
    }
}
