package org.retailcx.personalization.pipeline.features;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.problem.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Defines features. A definition may change (logic, TTL, version), but not its value type once values exist: they
 * were checked against the old one.
 */
@ApplicationScoped
public class FeatureDefinitions {

    public static final String NAME = "[a-z][a-z0-9_]{0,127}";

    public static final String COLUMNS = """
            feature_name, entity, value_type, feature_type, feature_version, data_source, calculation_logic,
            ttl_seconds, description, defined_by, defined_at""";

    /** What a definition says, as the API sent it (entity and version defaulted). */
    public record Spec(String entity, String valueType, String featureType, int featureVersion, String dataSource,
            String calculationLogic, long ttlSeconds, String description) {
    }

    public Uni<Row> define(SqlConnection tx, String name, Spec spec, String caller) {
        return tx.preparedQuery("""
                select d.value_type, exists (select 1 from silver.ml_feature_value v where v.feature_name = $1)
                from silver.ml_feature_definition d where d.feature_name = $1 for update""")
                .execute(Tuple.of(name))
                .chain(rows -> {
                    if (rows.size() > 0) {
                        Row current = rows.iterator().next();
                        if (!current.getString(0).equals(spec.valueType()) && current.getBoolean(1)) {
                            throw ProblemException.conflict("urn:retailcx:problem:feature-value-type-fixed",
                                    "Feature " + name + " holds " + current.getString(0) + " values already;"
                                            + " define a new feature for " + spec.valueType() + " values");
                        }
                    }
                    return tx.preparedQuery("""
                            insert into silver.ml_feature_definition as d (feature_name, entity, value_type,
                                feature_type, feature_version, data_source, calculation_logic, ttl_seconds,
                                description, defined_by, defined_at)
                            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
                            on conflict (feature_name) do update set entity = excluded.entity,
                                value_type = excluded.value_type, feature_type = excluded.feature_type,
                                feature_version = excluded.feature_version, data_source = excluded.data_source,
                                calculation_logic = excluded.calculation_logic, ttl_seconds = excluded.ttl_seconds,
                                description = excluded.description, defined_by = excluded.defined_by,
                                defined_at = excluded.defined_at""" + " returning " + COLUMNS)
                            .execute(Tuple.from(new Object[] { name, spec.entity(), spec.valueType(),
                                    spec.featureType(), spec.featureVersion(), spec.dataSource(),
                                    spec.calculationLogic(), spec.ttlSeconds(), spec.description(), caller }))
                            .map(inserted -> inserted.iterator().next());
                });
    }
}
