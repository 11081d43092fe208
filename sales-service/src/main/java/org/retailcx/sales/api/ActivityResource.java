package org.retailcx.sales.api;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.ingest.IdempotentWrites;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.sales.ingest.BronzeWriter;
import org.retailcx.sales.ingest.SalesSources;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.mutiny.sqlclient.Pool;

/** CRM activity sync (calls, emails, meetings, demos, proposals). */
@Path("/api/v1/sales/activities")
@Tag(name = "ingestion: activities")
public class ActivityResource extends SourceResource<ActivityRecord> {

    public ActivityResource(Pool pool, IngestionReader reader, IdempotentWrites writes, BronzeWriter writer, ObjectMapper mapper) {
        super(pool, reader, writes, writer, mapper, SalesSources.ACTIVITIES);
    }
}
