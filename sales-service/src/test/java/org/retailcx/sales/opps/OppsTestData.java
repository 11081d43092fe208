package org.retailcx.sales.opps;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.retailcx.sales.SalesTestApi;


import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** Records and calls the opportunity/rep/territory tests share. Ids carry a per-test suffix: tests share a database. */
final class OppsTestData {

    private OppsTestData() {
    }

    /** A record as a CRM sends it; null values are left out. */
    static final class Rec {
        final Map<String, Object> fields = new LinkedHashMap<>();

        Rec with(String field, Object value) {
            if (value == null) {
                fields.remove(field);
            } else {
                fields.put(field, value);
            }
            return this;
        }

        Rec copy() {
            Rec r = new Rec();
            r.fields.putAll(fields);
            return r;
        }

        String json() {
            return SalesTestApi.toJson(fields);
        }
    }

    static Rec opportunity(String id, String account, String owner, String stage, Object amount) {
        return new Rec().with("opportunityId", id).with("accountId", account).with("ownerId", owner)
                .with("stage", stage).with("amount", amount).with("currency", "EUR").with("productInterest", "loan")
                .with("leadSource", "Branch");
    }

    static Rec territory(String id, String parent) {
        return new Rec().with("territoryId", id).with("name", "Territory " + id).with("region", "North")
                .with("parentTerritoryId", parent);
    }

    static Rec rep(String id, String territory, String team) {
        return new Rec().with("repId", id).with("name", "Rep " + id).with("territoryId", territory).with("team", team)
                .with("quotaAmount", 10000).with("quotaPeriod", "2026-Q4").with("commissionRate", 0.05)
                .with("active", true).with("effectiveDate", "2026-01-01");
    }

    static ValidatableResponse put(String source, String id, Rec record) {
        return SalesTestApi.putRecord(source, id, record.json()).statusCode(200);
    }

    static ValidatableResponse batch(String source, Rec... records) {
        return batch(source, List.of(records));
    }

    static ValidatableResponse batch(String source, List<Rec> records) {
        return SalesTestApi.postBatch(source, records.stream().map(Rec::json).toList()).statusCode(200);
    }

    /** A territory and a rep working in it: opportunities need a known owner. */
    static void repIn(String repId, String territoryId, String team) {
        put("territories", territoryId, territory(territoryId, null));
        put("reps", repId, rep(repId, territoryId, team));
    }

    static Row row(Pool pool, String sql, Object... params) {
        List<Row> rows = SalesTestApi.rows(pool, sql, params);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size() + " for " + sql);
        }
        return rows.get(0);
    }
}
