package org.retailcx.clv.api;

import java.util.Map;

import org.retailcx.testing.IngestionFuzzContract;
import org.retailcx.testing.RealInfrastructureResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The shared fuzz of the clv feeds' PUT and batch endpoints. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ClvIngestionFuzzTest extends IngestionFuzzContract {

    @Override
    protected Map<String, Map<String, Object>> validFields() {
        return Map.of("transactions", Map.of("currency", "EUR")); // required, by pattern
    }

    /** A profitability statement is identified by customer and as-of date (ClvSources.PROFITABILITY). */
    @Override
    protected String putId(Source source, Map<String, Object> record) {
        return source.name().equals("profitability") ? record.get("customerId") + "@" + record.get("asOfDate")
                : super.putId(source, record);
    }
}
