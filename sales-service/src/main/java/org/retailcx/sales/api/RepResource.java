package org.retailcx.sales.api;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.ingest.IdempotentWrites;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.sales.ingest.BronzeWriter;
import org.retailcx.sales.ingest.SalesSources;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.mutiny.sqlclient.Pool;

/** Sales reps from HR/CRM; each version with a territory, team, quota or rate change becomes an SCD 2 row. */
@Path("/api/v1/sales/reps")
@Tag(name = "ingestion: reps")
public class RepResource extends SourceResource<RepRecord> {

    public RepResource(Pool pool, IngestionReader reader, IdempotentWrites writes, BronzeWriter writer, ObjectMapper mapper) {
        super(pool, reader, writes, writer, mapper, SalesSources.REPS);
    }
}
