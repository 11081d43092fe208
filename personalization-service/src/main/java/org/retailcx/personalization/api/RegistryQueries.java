package org.retailcx.personalization.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.retailcx.personalization.api.ModelViews.Version;
import org.retailcx.personalization.pipeline.registry.AliasMove;

import io.vertx.mutiny.sqlclient.Row;

/** The registry's read queries and row mapping. */
final class RegistryQueries {

    private RegistryQueries() {
    }

    /** Versions with their alias names; callers append {@code where …} over alias {@code v}. */
    static final String VERSIONS = """
            select v.model_id, v.version, v.name, v.model_type, v.deployment_date, v.training_dataset_id,
                v.code_version, v.model_metrics::text as metrics, v.active_flag, v.deprecation_date, v.source_system,
                v.registered_at, coalesce((select array_agg(x.alias order by x.alias) from silver.ml_model_alias x
                    where x.model_id = v.model_id and x.version = v.version), '{}') as aliases
            from silver.ml_model_version v""";

    static Version version(Row r) {
        OffsetDateTime deprecation = r.getOffsetDateTime("deprecation_date");
        return new Version(r.getString("model_id"), r.getInteger("version"), r.getString("name"),
                r.getString("model_type"), r.getOffsetDateTime("deployment_date"), r.getString("training_dataset_id"),
                r.getString("code_version"), metrics(r.getString("metrics")), r.getBoolean("active_flag"), deprecation,
                deprecation != null && !deprecation.isAfter(OffsetDateTime.now(ZoneOffset.UTC)),
                r.getString("source_system"), r.getOffsetDateTime("registered_at"),
                List.of(r.getArrayOfStrings("aliases")));
    }

    static AliasMove alias(Row r) {
        return new AliasMove(r.getString("model_id"), r.getString("alias"), r.getInteger("version"),
                r.getInteger("previous_version"), r.getString("moved_by"), r.getOffsetDateTime("moved_at"));
    }

    private static Map<String, Object> metrics(String json) {
        return new io.vertx.core.json.JsonObject(json).getMap();
    }
}
