package org.retailcx.sales.api;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.ingest.IdempotentWrites;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.sales.ingest.BronzeWriter;
import org.retailcx.sales.ingest.SalesSources;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.mutiny.sqlclient.Pool;

/** CRM opportunity sync. */
@Path("/api/v1/sales/opportunities")
@Tag(name = "ingestion: opportunities")
public class OpportunityResource extends SourceResource<OpportunityRecord> {

    public OpportunityResource(Pool pool, IngestionReader reader, IdempotentWrites writes, BronzeWriter writer, ObjectMapper mapper) {
        super(pool, reader, writes, writer, mapper, SalesSources.OPPORTUNITIES);
    }
}
