package org.retailcx.clv.benchmark;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

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

/**
 * End-to-end benchmark, not a test (its name matches no Surefire pattern; run it explicitly): generates
 * {@code -Dclv.benchmark.customers} (default 1,000,000) customers with the synthetic bank's CLV generator, loads
 * them through the bulk ingestion API, fits and scores through {@code POST /api/v1/clv/models/fit}, then activates
 * the version (one outbox event per customer). From the repository root:
 *
 * <pre>
 * mvn -B -pl synthetic-bank,clv-service -am verify -Dtest=ClvEndToEndBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dclv.benchmark.customers=1000000
 * </pre>
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ClvEndToEndBenchmark {

    @TestHTTPResource("/")
    URI baseUri;

    @Test
    void fitAndScoreThroughTheApi() {
        int customers = Integer.getInteger("clv.benchmark.customers", 1_000_000);
        Settings base = Settings.cdnowLike(customers, 1);
        Settings settings = new Settings(customers, 1, "B-", List.of("mass", "affluent", "private"),
                base.firstAcquisition(), base.acquisitionDays(), base.observationEnd(), base.r(), base.alpha(),
                base.a(), base.b(), base.p(), base.q(), base.gamma(), "EUR", false);
        long t0 = System.nanoTime();
        var data = ClvHistoryGenerator.generate(settings);
        long t1 = System.nanoTime();
        var report = ClvHistoryGenerator.loadInto(
                new ApiClient(baseUri, TestTokens.bearer("service").substring("Bearer ".length())), data, 100_000);
        long t2 = System.nanoTime();
        // java.net.http with a 10-minute timeout (RestAssured's test timeout is 30 s)
        ApiClient scientist = new ApiClient(baseUri, TestTokens.bearer("data-scientist").substring("Bearer ".length()));
        JsonPath model = new JsonPath(scientist.postJson("/api/v1/clv/models/fit",
                java.util.Map.of("calibrationEnd", settings.observationEnd().toString())).toString());
        long t3 = System.nanoTime();
        scientist.postJson("/api/v1/clv/models/" + model.getInt("version") + "/activate", java.util.Map.of());
        long t4 = System.nanoTime();
        given().header("Authorization", TestTokens.bearer("marketing")).when().get("/api/v1/clv/deciles")
                .then().statusCode(200);
        long t5 = System.nanoTime();
        given().header("Authorization", TestTokens.bearer("marketing")).when().get("/api/v1/clv/segments")
                .then().statusCode(200);
        long t6 = System.nanoTime();

        System.out.printf("%n=== CLV end-to-end benchmark (%s, %d cores) ===%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("customers %,d, transactions %,d (%d ingestion requests)%n", report.customers(),
                report.transactions(), report.requests());
        System.out.printf("generate                        %7.1f s%n", s(t0, t1));
        System.out.printf("load through bulk API           %7.1f s%n", s(t1, t2));
        System.out.printf("POST /models/fit (wall)         %7.1f s  = RFM summaries in SQL + read + fit + score%n",
                s(t2, t3));
        System.out.printf("   fit BG/NBD + Gamma-Gamma     %7.1f s  (incl. per-(x,T) CLV factors)%n",
                model.getDouble("fitStatistics.fitSeconds"));
        System.out.printf("   score into gold (one INSERT) %7.1f s%n", model.getDouble("fitStatistics.scoreSeconds"));
        System.out.printf("POST /models/{v}/activate       %7.1f s  (%,d outbox events, set-based)%n", s(t3, t4),
                model.getLong("scoredCustomers"));
        System.out.printf("GET /deciles                    %7.2f s%n", s(t4, t5));
        System.out.printf("GET /segments                   %7.2f s%n", s(t5, t6));
        System.out.printf("parameters %s%n", model.getMap("parameters"));
    }

    private static double s(long from, long to) {
        return (to - from) / 1e9;
    }
}
