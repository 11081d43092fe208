package org.retailcx.personalization.pipeline.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.schema.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The current experiment definitions in GrowthBook's JSON shape, as {@code client.ExperimentDefinitions} reads them
 * (key, variations, weights, coverage, hashAttribute, seed, hashVersion, namespace, condition, active), with the
 * bank's own fields beside them (name, status, hypothesis, successMetric, version), which GrowthBook readers ignore.
 * A running experiment is active; a draft or stopped one is published inactive, so every client assigns control.
 */
@ApplicationScoped
public class PublishedExperiments {

    private static final String SELECT = """
            select experiment_id, name, status, hypothesis, success_metric, variants::text as variants,
                weights::text as weights, coverage, hash_attribute, seed, hash_version, namespace_id, namespace_start,
                namespace_end, condition::text as condition, version, updated_at
            from silver.ab_experiment""";

    public Uni<List<Map<String, Object>>> running(SqlClient client) {
        return client.query(SELECT + " where status = 'running' order by experiment_id").execute().map(rows -> {
            List<Map<String, Object>> out = new ArrayList<>();
            rows.forEach(r -> out.add(definition(r)));
            return out;
        });
    }

    /** The definition of one experiment whatever its status; null when there is none. */
    public Uni<Map<String, Object>> one(SqlClient client, String experimentId) {
        return client.preparedQuery(SELECT + " where experiment_id = $1").execute(Tuple.of(experimentId))
                .map(rows -> rows.size() == 0 ? null : definition(rows.iterator().next()));
    }

    /** The definitions that bronze rows of these batches made current (a quarantined or older row changes none). */
    public Uni<List<Map<String, Object>>> changedBy(SqlClient client, Tuple batches) {
        return client.preparedQuery(SELECT + " x where x.bronze_id in (select b.bronze_id from"
                + " bronze.retail_ab_test_experiments b where b.batch_id = any($1)) order by experiment_id")
                .execute(batches).map(rows -> {
                    List<Map<String, Object>> out = new ArrayList<>();
                    rows.forEach(r -> out.add(definition(r)));
                    return out;
                });
    }

    static Map<String, Object> definition(Row r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("key", r.getString("experiment_id"));
        d.put("variations", json(r.getString("variants"), new TypeReference<List<Object>>() { }));
        d.put("weights", json(r.getString("weights"), new TypeReference<List<Double>>() { }));
        d.put("coverage", r.getDouble("coverage"));
        d.put("hashAttribute", r.getString("hash_attribute"));
        d.put("seed", r.getString("seed"));
        d.put("hashVersion", r.getInteger("hash_version"));
        if (r.getString("namespace_id") != null) {
            d.put("namespace", List.of(r.getString("namespace_id"), r.getDouble("namespace_start"),
                    r.getDouble("namespace_end")));
        }
        if (r.getString("condition") != null) {
            d.put("condition", json(r.getString("condition"), new TypeReference<Map<String, Object>>() { }));
        }
        d.put("active", "running".equals(r.getString("status")));
        d.put("name", r.getString("name"));
        d.put("status", r.getString("status"));
        d.put("hypothesis", r.getString("hypothesis"));
        d.put("successMetric", r.getString("success_metric"));
        d.put("version", r.getInteger("version"));
        d.put("updatedAt", r.getOffsetDateTime("updated_at").toString());
        return d;
    }

    private static <T> T json(String text, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("silver.ab_experiment holds invalid JSON", e);
        }
    }
}
