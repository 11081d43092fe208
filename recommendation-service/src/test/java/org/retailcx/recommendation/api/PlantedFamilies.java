package org.retailcx.recommendation.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Interactions with a planted structure for the API tests: customers of family f buy and view products of family f
 * (product ids {@code <run>-F<f>-P<i>}), plus one product of another family each, so that a collaborative model must
 * recommend a customer's own family and the popularity baseline cannot.
 */
final class PlantedFamilies {

    record Event(String interactionId, String customerId, String productId, String rating, String timestamp) {

        String json() {
            return String.format(Locale.ROOT, """
                    {"interactionId":"%s","customerId":"%s","productId":"%s","implicitRating":"%s",\
                    "interactionTimestamp":"%s","interactionType":"app"}""", interactionId, customerId, productId,
                    rating, timestamp);
        }
    }

    private PlantedFamilies() {
    }

    static String product(String run, int family, int index) {
        return run + "-F" + family + "-P" + index;
    }

    static String customer(String run, int family, int index) {
        return run + "-C" + family + "-" + index;
    }

    /** Each customer: {@code own} distinct products of their family (the first two bought), one of another family. */
    static List<Event> generate(String run, int families, int productsPerFamily, int customersPerFamily, int own,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Event> events = new ArrayList<>();
        for (int f = 0; f < families; f++) {
            for (int c = 0; c < customersPerFamily; c++) {
                String customer = customer(run, f, c);
                List<Integer> pool = new ArrayList<>();
                for (int i = 0; i < productsPerFamily; i++) {
                    pool.add(i);
                }
                for (int n = 0; n < own; n++) {
                    int product = pool.remove(random.nextInt(pool.size()));
                    events.add(new Event(customer + "-E" + n, customer, product(run, f, product),
                            n < 2 ? "purchase" : "Add to Cart", "2026-10-%02dT10:00:00Z".formatted(1 + n)));
                }
                int other = (f + 1 + random.nextInt(families - 1)) % families;
                events.add(new Event(customer + "-X", customer, product(run, other, random.nextInt(productsPerFamily)),
                        "view", "2026-10-20T10:00:00Z"));
            }
        }
        return events;
    }

    static String jsonArray(List<Event> events) {
        return "[" + String.join(",", events.stream().map(Event::json).toList()) + "]";
    }

    /** Loads a small planted set of the run and serves its customer {@code <run>-C} two products in the context. */
    static io.restassured.path.json.JsonPath loadAndServeTwo(String run, String context) {
        io.restassured.RestAssured.given().header("Authorization", org.retailcx.testing.TestTokens.bearer("service"))
                .contentType("application/json").body(jsonArray(generate(run, 2, 4, 3, 3, 5)))
                .when().post("/api/v1/recommendation/interactions/batch").then().statusCode(200);
        return io.restassured.RestAssured.given()
                .header("Authorization", org.retailcx.testing.TestTokens.bearer("service"))
                .queryParam("k", 2).queryParam("context", context)
                .when().get("/api/v1/recommendation/customers/" + run + "-C/recommendations")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(2)).extract().jsonPath();
    }
}
