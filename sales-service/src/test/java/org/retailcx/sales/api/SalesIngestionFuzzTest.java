package org.retailcx.sales.api;

import java.util.Map;

import org.retailcx.testing.IngestionFuzzContract;
import org.retailcx.testing.RealInfrastructureResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The shared fuzz of the nine sales feeds' PUT and batch endpoints. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class SalesIngestionFuzzTest extends IngestionFuzzContract {

    @Override
    protected Map<String, Map<String, Object>> validFields() {
        return Map.of("costs", Map.of("period", "2026-11")); // a month, by pattern
    }
}
