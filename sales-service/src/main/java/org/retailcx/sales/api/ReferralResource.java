package org.retailcx.sales.api;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.ingest.IdempotentWrites;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.sales.ingest.BronzeWriter;
import org.retailcx.sales.ingest.SalesSources;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.mutiny.sqlclient.Pool;

/** Customer referrals. */
@Path("/api/v1/sales/referrals")
@Tag(name = "ingestion: referrals")
public class ReferralResource extends SourceResource<ReferralRecord> {

    public ReferralResource(Pool pool, IngestionReader reader, IdempotentWrites writes, BronzeWriter writer, ObjectMapper mapper) {
        super(pool, reader, writes, writer, mapper, SalesSources.REFERRALS);
    }
}
