package org.retailcx.journey.pipeline.definition;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.mutiny.sqlclient.Row;

/** One stored version of a journey definition and its publication state. */
@RegisterForReflection
public record DefinitionVersion(String journeyKey, int version, String status, String entryEventType,
        String createdBy, OffsetDateTime createdAt, String publishedBy, OffsetDateTime publishedAt,
        JsonNode definition) {

    static final String COLUMNS = """
            journey_key, version, status, entry_event_type, created_by, created_at, published_by, published_at,
            definition::text""";

    static DefinitionVersion of(Row r, JsonNode definition) {
        return new DefinitionVersion(r.getString("journey_key"), r.getInteger("version"), r.getString("status"),
                r.getString("entry_event_type"), r.getString("created_by"), r.getOffsetDateTime("created_at"),
                r.getString("published_by"), r.getOffsetDateTime("published_at"), definition);
    }
}
