package org.retailcx.clv.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.retailcx.synthetic.ApiClient;
import org.retailcx.synthetic.clv.ClvHistoryGenerator;
import org.retailcx.synthetic.clv.ClvHistoryGenerator.Settings;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The synthetic bank's CLV histories, loaded through the bulk API by its loader and fitted through the API. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class GeneratedHistoryApiTest {

    @TestHTTPResource("/")
    URI baseUri;

    @Test
    void aFitThroughTheApiOnGeneratedHistoriesRecoversTheGeneratingParameters() {
        String segment = "synthetic-" + UUID.randomUUID();
        Settings settings = Settings.cdnowLike(8_000, 99).withCustomerPrefix("GEN-" + UUID.randomUUID() + "-")
                .withSegments(List.of(segment));
        var data = ClvHistoryGenerator.generate(settings);
        ApiClient clv = new ApiClient(baseUri, TestTokens.bearer("service").substring("Bearer ".length()));
        var report = ClvHistoryGenerator.loadInto(clv, data, 5_000);
        assertEquals(data.transactions().size(), report.acceptedTransactions());
        assertEquals(0, report.quarantined());
        // loading again under the same idempotency keys writes nothing twice
        ClvHistoryGenerator.loadInto(clv, data, 5_000);

        JsonPath model = given().header("Authorization", TestTokens.bearer("data-scientist"))
                .contentType("application/json")
                .body("{\"calibrationEnd\":\"" + settings.observationEnd() + "\",\"segment\":\"" + segment + "\"}")
                .when().post("/api/v1/clv/models/fit").then().statusCode(201).extract().jsonPath();
        System.out.printf("generated histories through the API: %s%n", model.prettify());
        assertEquals(8_000, model.getInt("fitStatistics.customers"));
        assertEquals(segment, model.getString("segment"));
        assertEquals(settings.r(), model.getDouble("parameters.bgNbd.r"), 0.15 * settings.r());
        assertEquals(settings.alpha(), model.getDouble("parameters.bgNbd.alpha"), 0.25 * settings.alpha());
        assertEquals(settings.a(), model.getDouble("parameters.bgNbd.a"), 0.5 * settings.a());
        assertEquals(settings.b(), model.getDouble("parameters.bgNbd.b"), 0.5 * settings.b());
        assertEquals(settings.p(), model.getDouble("parameters.gammaGamma.p"), 0.25 * settings.p());
        assertEquals(settings.q(), model.getDouble("parameters.gammaGamma.q"), 0.25 * settings.q());
        assertEquals(settings.gamma(), model.getDouble("parameters.gammaGamma.gamma"), 0.4 * settings.gamma());

        // the generated acquisition costs give the segment a CAC (channel mix of 120/40/25/80 → about 66)
        JsonPath segments = given().header("Authorization", TestTokens.bearer("marketing"))
                .queryParam("modelVersion", model.getInt("version")).when().get("/api/v1/clv/segments")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(segment, segments.getString("segments[0].segment"));
        double cac = segments.getDouble("segments[0].cac");
        assertTrue(cac > 55 && cac < 77, "CAC " + cac);
        assertEquals(8_000, segments.getInt("segments[0].customersWithAcquisitionCost"));
    }
}
