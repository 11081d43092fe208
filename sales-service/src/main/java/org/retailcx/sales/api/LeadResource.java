package org.retailcx.sales.api;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.ingest.IdempotentWrites;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.sales.ingest.BronzeWriter;
import org.retailcx.sales.ingest.SalesSources;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.mutiny.sqlclient.Pool;

/** CRM lead sync (web forms, branches, call center, referrals, events). */
@Path("/api/v1/sales/leads")
@Tag(name = "ingestion: leads")
public class LeadResource extends SourceResource<LeadRecord> {

    public LeadResource(Pool pool, IngestionReader reader, IdempotentWrites writes, BronzeWriter writer, ObjectMapper mapper) {
        super(pool, reader, writes, writer, mapper, SalesSources.LEADS);
    }
}
