package org.retailcx.sentiment.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventSchemas;
import org.retailcx.schema.EventType;
import org.retailcx.schema.Topics;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The sentiment service through its API on the real PostgreSQL and Kafka: ingestion per channel with PII redacted
 * before anything is stored, the analysis in silver, trends, drivers and facts, at-risk and sentiment-changed events
 * on the broker, agent impact, bad input and roles.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class SentimentApiTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();
    /** A Visa test number (Luhn-valid), an IBAN with a valid check (the ECBS example), an e-mail, a phone. */
    private static final String CARD = "4111 1111 1111 1111";
    private static final String IBAN = "GB82 WEST 1234 5698 7654 32";
    private static final String EMAIL = "jane.doe@example.com";

    @Inject
    Pool pool;

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    private static byte[] ndjson(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String chat(String id, String customer, String sender, String at, String message) {
        return """
                {"messageId":"%s","chatId":"CH-%s","customerId":"%s","agentId":"AG-1","sentAt":"%s","sender":"%s",\
                "message":%s,"escalationFlag":false,"product":"card"}""".formatted(id, customer, customer, at, sender,
                quoted(message));
    }

    private static String quoted(String text) {
        return EventJson.mapper().valueToTree(text).toString();
    }

    @Test
    void noPersonalDataIsStoredInAnyLayerNorPublished() {
        String customer = "CUST-" + UUID.randomUUID();
        String secret = "My card " + CARD + " was charged twice, refund it to " + IBAN + " or mail " + EMAIL
                + ". This is unacceptable, I am closing my account.";
        promoted(as("service").contentType("application/x-ndjson")
                .body(ndjson(chat("PII-CHAT-" + customer, customer, "Customer", "2026-11-20T09:00:00Z", secret)))
                .when().post("/api/v1/sentiment/chats/batch").then()).body("accepted", equalTo(1));
        promoted(as("service").contentType("application/json").body("""
                {"transcriptId":"PII-CALL-%1$s","callId":"CALL-%1$s","customerId":"%1$s","agentId":"AG-7",
                 "startedAt":"2026-11-20T10:00:00Z","durationSeconds":300,"turns":[
                  {"speaker":"Agent","offsetSeconds":0,"text":"Good morning, how can I help?"},
                  {"speaker":"Customer","offsetSeconds":4,"text":%2$s},
                  {"speaker":"Customer","offsetSeconds":60,"text":"My passport number is 123456789, phone +44 20 7946 0958."}]}"""
                .formatted(customer, quoted(secret)))
                .when().put("/api/v1/sentiment/calls/PII-CALL-" + customer).then());
        promoted(as("service").contentType("application/json").body("""
                [{"emailId":"PII-MAIL-%1$s","customerId":"%1$s","sentAt":"2026-11-20T11:00:00Z","direction":"Inbound",
                  "subject":"Card %2$s","body":%3$s,"urgencyFlag":true}]""".formatted(customer, CARD, quoted(secret)))
                .when().post("/api/v1/sentiment/emails/batch").then());
        promoted(as("service").contentType("application/json").body("""
                [{"responseId":"PII-SURV-%1$s","surveyId":"NPS-Q4","customerId":"%1$s",
                  "respondedAt":"2026-11-20T12:00:00Z","question":"Why this score?","response":%2$s,"rating":2}]"""
                .formatted(customer, quoted(secret)))
                .when().post("/api/v1/sentiment/surveys/batch").then());
        promoted(as("service").contentType("application/json").body("""
                [{"mentionId":"PII-SOC-%1$s","platform":"x","customerId":"%1$s","postedAt":"2026-11-20T13:00:00Z",
                  "text":%2$s,"likes":3,"shares":1,"comments":0,"brandMentionFlag":true}]"""
                .formatted(customer, quoted(secret)))
                .when().post("/api/v1/sentiment/social/batch").then());

        // every table of every layer, payloads and the outbox included
        List<String> digits = List.of(CARD, CARD.replace(" ", ""), "5698 7654", "56987654", EMAIL, "123456789",
                "7946 0958");
        List<String> tables = pool.query("""
                select table_schema || '.' || table_name from information_schema.tables
                where table_schema in ('bronze', 'silver', 'gold', 'platform') and table_type = 'BASE TABLE'""")
                .execute().await().atMost(Duration.ofSeconds(30)).stream().map(r -> r.getString(0)).toList();
        assertTrue(tables.contains("bronze.retail_chat_sentiment") && tables.contains("platform.outbox"),
                tables::toString);
        for (String table : tables) {
            for (String value : digits) {
                long hits = pool.preparedQuery("select count(*) from " + table + " t where t::text like $1")
                        .execute(io.vertx.mutiny.sqlclient.Tuple.of("%" + value + "%"))
                        .await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0);
                assertEquals(0, hits, value + " is stored in " + table);
            }
        }
        // what was stored is the redacted text, with typed placeholders
        as("cx-analyst").when().get("/api/v1/sentiment/chats/PII-CHAT-" + customer + "/history").then().statusCode(200)
                .body("[0].record.message", containsString("[CARD]"))
                .body("[0].record.message", containsString("[IBAN]"))
                .body("[0].record.message", containsString("[EMAIL]"));
        as("cx-analyst").when().get("/api/v1/sentiment/documents/call/PII-CALL-" + customer).then().statusCode(200)
                .body("redactedText", containsString("[NATIONAL_ID]"))
                .body("redactedText", containsString("[PHONE]"))
                .body("redactions.CARD", equalTo(1)).body("redactions.IBAN", equalTo(1))
                .body("redactions.NATIONAL_ID", equalTo(1));
        // and the events that left the service carry none of it
        List<ConsumerRecord<String, String>> published = KAFKA.awaitRecords(topicPrefix + Topics.SENTIMENT_TEXT,
                r -> customer.equals(r.key()), 5, Duration.ofSeconds(120));
        published.addAll(KAFKA.awaitRecords(topicPrefix + Topics.SENTIMENT_CUSTOMER, r -> customer.equals(r.key()), 1,
                Duration.ofSeconds(120)));
        for (var record : published) {
            for (String value : digits) {
                assertTrue(!record.value().contains(value), value + " left the service in " + record.value());
            }
        }
    }

    @Test
    void aTranscriptKeepsItsTurnsAndShowsTheAgentsImpact() {
        String customer = "CUST-" + UUID.randomUUID();
        String agent = "AG-" + UUID.randomUUID();
        promoted(as("service").contentType("application/x-ndjson").body(ndjson("""
                {"transcriptId":"TR-%1$s","callId":"CALL-%1$s","customerId":"%1$s","agentId":"%2$s","startedAt":"2026-11-18T08:00:00Z","durationSeconds":420,"product":"mortgage","turns":[{"speaker":"Agent","offsetSeconds":0,"text":"Thanks for calling, how can I help?"},{"speaker":"Customer","offsetSeconds":5,"text":"I am really angry, I have been waiting for hours and my mortgage payment failed again. This is terrible."},{"speaker":"Agent","offsetSeconds":60,"text":"I am so sorry. I have fixed the payment and waived the fee."},{"speaker":"Customer","offsetSeconds":300,"text":"Thank you so much, that is wonderful, you have been really helpful!"}]}"""
                .formatted(customer, agent)))
                .when().post("/api/v1/sentiment/calls/batch").then()).body("accepted", equalTo(1));
        as("cx-analyst").when().get("/api/v1/sentiment/calls/TR-" + customer + "/history").then().statusCode(200)
                .body("[0].record.turns", hasSize(4))
                .body("[0].record.turns.speaker", equalTo(List.of("Agent", "Customer", "Agent", "Customer")))
                .body("[0].record.turns[3].offsetSeconds", equalTo(300));
        as("cx-analyst").when().get("/api/v1/sentiment/documents/call/TR-" + customer).then().statusCode(200)
                .body("status", equalTo("ANALYSED"))
                .body("language", equalTo("eng"))
                .body("startScore", lessThan(-0.1f))
                .body("endScore", greaterThan(0.1f))
                .body("agentImpact", greaterThan(0.5f))
                .body("redactedText", containsString("Agent: Thanks for calling"))
                .body("topics", hasItem("waiting_time"))
                .body("topics", hasItem("loans_and_mortgages"));
        as("cx-analyst").queryParam("agentId", agent).when().get("/api/v1/sentiment/agents/impact").then()
                .statusCode(200).body("$", hasSize(1))
                .body("[0].calls", equalTo(1)).body("[0].improved", equalTo(1)).body("[0].meanImpact", greaterThan(0.5f));
        as("marketing").when().get("/api/v1/sentiment/agents/impact").then().statusCode(403);
    }

    @Test
    void anUnhappyCustomerRaisesAnAtRiskEventAndTheirSentimentChanges() {
        String customer = "CUST-" + UUID.randomUUID();
        promoted(as("service").contentType("application/x-ndjson")
                .body(ndjson(chat("M1-" + customer, customer, "Customer", "2026-11-10T09:00:00Z",
                        "Thanks, the new app is great and the staff were lovely!")))
                .when().post("/api/v1/sentiment/chats/batch").then());
        as("cx-analyst").when().get("/api/v1/sentiment/customers/" + customer).then().statusCode(200)
                .body("label", equalTo("positive")).body("alerts", equalTo(0));

        promoted(as("service").contentType("application/x-ndjson")
                .body(ndjson(chat("M2-" + customer, customer, "Customer", "2026-11-12T09:00:00Z",
                        "You charged me a fee again without telling me. This is the worst service ever, I am furious."),
                        chat("M2B-" + customer, customer, "Customer", "2026-11-12T09:02:00Z",
                                "Another fee charged to my account, this is awful and unfair."),
                        chat("M3-" + customer, customer, "Customer", "2026-11-12T09:05:00Z",
                                "I am closing my account and switching banks."),
                        chat("M4-" + customer, customer, "Agent", "2026-11-12T09:06:00Z",
                                "I am terribly sorry, that is awful, let me check.")))
                .when().post("/api/v1/sentiment/chats/batch").then()).body("accepted", equalTo(4));

        List<ConsumerRecord<String, String>> atRisk = KAFKA.awaitRecords(topicPrefix + Topics.SENTIMENT_CUSTOMER,
                r -> customer.equals(r.key()) && EventCatalog.SENTIMENT_CUSTOMER_AT_RISK.type()
                        .equals(KafkaTestClient.header(r, "ce_type")), 3, Duration.ofSeconds(120));
        List<String> sources = new ArrayList<>();
        for (var r : atRisk) {
            var data = valid(EventCatalog.SENTIMENT_CUSTOMER_AT_RISK, r);
            assertEquals(customer, data.path("customerId").asText());
            assertEquals(customer, KafkaTestClient.header(r, "ce_subject"));
            sources.add(data.path("sourceRecordId").asText() + ":" + data.path("reasons"));
        }
        // the model scores "closing my account and switching banks" near neutral: intent to leave alone flags it
        assertEquals(3, sources.size(), sources::toString);
        assertTrue(sources.containsAll(List.of("M2-" + customer + ":[\"negative-sentiment\"]",
                "M2B-" + customer + ":[\"negative-sentiment\"]", "M3-" + customer + ":[\"leave-intent\"]")),
                sources::toString);
        assertTrue(sources.stream().noneMatch(s -> s.startsWith("M4-")), "an agent's words never alert: " + sources);

        var changed = KAFKA.awaitRecords(topicPrefix + Topics.SENTIMENT_CUSTOMER,
                r -> customer.equals(r.key()) && EventCatalog.SENTIMENT_CUSTOMER_SENTIMENT_CHANGED.type()
                        .equals(KafkaTestClient.header(r, "ce_type")), 1, Duration.ofSeconds(120));
        var data = valid(EventCatalog.SENTIMENT_CUSTOMER_SENTIMENT_CHANGED, changed.get(0));
        assertEquals("positive", data.path("previousLabel").asText());
        assertEquals("negative", data.path("label").asText());
        assertEquals(4, data.path("documents").asInt(), "the customer's four texts, not the agent's");

        as("cx-analyst").queryParam("customerId", customer).when().get("/api/v1/sentiment/alerts").then()
                .statusCode(200).body("items.sourceRecordId", hasItem("M3-" + customer))
                .body("items.reason", hasItem("leave-intent"));
        as("marketing").when().get("/api/v1/sentiment/customers/" + customer).then().statusCode(200)
                .body("label", equalTo("negative")).body("previousLabel", equalTo("positive"))
                .body("days", hasSize(2)).body("days[1].leaveIntents", equalTo(1));
        // the same texts again: no second alert
        promoted(as("service").contentType("application/x-ndjson")
                .body(ndjson(chat("M3-" + customer, customer, "Customer", "2026-11-12T09:05:00Z",
                        "I am closing my account and switching banks.")))
                .when().post("/api/v1/sentiment/chats/batch").then());
        as("cx-analyst").queryParam("customerId", customer).queryParam("reason", "leave-intent")
                .when().get("/api/v1/sentiment/alerts").then().statusCode(200).body("items", hasSize(1));
        as("marketing").when().get("/api/v1/sentiment/alerts").then().statusCode(403);
    }

    @Test
    void trendsAndDriversShowWhatMovesSentiment() {
        String customer = "CUST-" + UUID.randomUUID();
        String day = "2026-10-0" + (1 + Math.floorMod(customer.hashCode(), 9));
        promoted(as("service").contentType("application/x-ndjson").body(ndjson(
                chat("T1-" + customer, customer, "Customer", day + "T09:00:00Z",
                        "The overdraft fee is outrageous, hidden fees everywhere. Terrible."),
                chat("T2-" + customer, customer, "Customer", day + "T10:00:00Z",
                        "Another fee charged to my account, this is awful and unfair."),
                chat("T3-" + customer, customer, "Customer", day + "T11:00:00Z",
                        "The mobile app is brilliant, really easy and fast. I love it.")))
                .when().post("/api/v1/sentiment/chats/batch").then());
        as("marketing").queryParam("customerId", customer).queryParam("from", day).queryParam("to", day)
                .when().get("/api/v1/sentiment/trends").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].channel", equalTo("chat")).body("[0].documents", equalTo(3))
                .body("[0].negativeShare", greaterThan(0.6f));
        as("marketing").queryParam("customerId", customer).queryParam("topic", "fees_and_charges")
                .when().get("/api/v1/sentiment/trends").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].documents", equalTo(2)).body("[0].meanScore", lessThan(-0.2f));
        as("data-scientist").queryParam("from", day).queryParam("to", day).queryParam("channel", "chat")
                .queryParam("kind", "topic").when().get("/api/v1/sentiment/drivers").then().statusCode(200)
                .body("documents", greaterThan(2))
                .body("drivers.find { it.driver == 'fees_and_charges' }.impact", lessThan(0f))
                .body("drivers.find { it.driver == 'app_and_online_banking' }.meanScore", greaterThan(0.2f));
        as("marketing").queryParam("topic", "weather").when().get("/api/v1/sentiment/trends").then().statusCode(400)
                .body("errors[0].field", equalTo("topic"));
        as("marketing").queryParam("from", "01/10/2026").when().get("/api/v1/sentiment/trends").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as("marketing").queryParam("channel", "fax").when().get("/api/v1/sentiment/drivers").then().statusCode(400)
                .body("errors[0].field", equalTo("channel"));
    }

    /** Three planted themes of customer chats; each text joins two of its theme's sentences. */
    private static final List<List<String>> THEMES = List.of(
            List.of("The mobile app keeps crashing at login.", "The app login screen freezes after every update.",
                    "Password reset in the mobile app fails.", "Biometric login in the app stopped working."),
            List.of("The remortgage valuation took six weeks.", "My fixed mortgage rate offer expired.",
                    "Great remortgage advice and a fair fixed rate.", "The mortgage valuation surveyor was late."),
            List.of("A fraudulent merchant charged my blocked card.", "The chargeback for my stolen card is open.",
                    "The fraud team blocked my card without warning.", "Stolen card payments at a merchant abroad."));

    @Test
    void topicsDiscoveredInAWindowAreStoredWithTheirTermsSizesAndSentiment() {
        String run = UUID.randomUUID().toString();
        List<String> lines = new ArrayList<>();
        for (int theme = 0; theme < THEMES.size(); theme++) {
            for (int i = 0; i < 20; i++) {
                List<String> sentences = THEMES.get(theme);
                String text = sentences.get(i % 4) + " " + sentences.get((i / 4 + i + 1) % 4);
                lines.add(chat("DT-" + theme + "-" + i + "-" + run, "CUST-DT-" + i + "-" + run, "Customer",
                        "2025-03-0" + (3 + i % 2) + "T10:00:00Z", text));
            }
        }
        promoted(as("service").contentType("application/x-ndjson").body(ndjson(lines.toArray(String[]::new)))
                .when().post("/api/v1/sentiment/chats/batch").then()).body("accepted", equalTo(60));

        var created = given().header("Authorization", TestTokens.bearerFor("analyst-17", "cx-analyst"))
                .queryParam("from", "2025-03-03").queryParam("to", "2025-03-04").queryParam("k", 3)
                .queryParam("channel", "chat").when().post("/api/v1/sentiment/topics/discovered").then()
                .statusCode(201).header("Location", containsString("/api/v1/sentiment/topics/discovered/"))
                .body("k", equalTo(3)).body("channel", equalTo("chat")).body("requestedBy", equalTo("analyst-17"))
                .body("documentsInWindow", greaterThan(59)).body("topics", hasSize(3))
                .extract().jsonPath();
        long id = created.getLong("discoveryId");
        int used = created.getInt("documentsUsed");
        // each planted theme is one topic: led by one of its words, holding its texts (a re-run test doubles them)
        List<List<String>> themeWords = List.of(List.of("app", "login", "mobile", "password", "screen", "biometric"),
                List.of("remortgage", "mortgage", "valuation", "fixed", "rate", "surveyor", "advice"),
                List.of("card", "fraud", "fraudulent", "merchant", "chargeback", "stolen", "blocked"));
        List<Integer> sizes = new ArrayList<>();
        for (List<String> words : themeWords) {
            List<Integer> matches = created.getList("topics.findAll { it.terms[0] in " + groovyList(words)
                    + " }.documents", Integer.class);
            assertEquals(1, matches.size(), "one topic led by " + words + ": " + created.getList("topics.terms"));
            sizes.add(matches.get(0));
        }
        assertEquals(used, sizes.stream().mapToInt(Integer::intValue).sum(), "every text in one topic " + sizes);
        sizes.forEach(size -> assertEquals(used / 3.0, size, used * 0.05, "a theme's texts together " + sizes));
        // stored: membership rows for every text, the same run read back by window and by id
        long members = pool.preparedQuery("select count(*) from silver.retail_discovered_topic_document"
                + " where discovery_id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(id))
                .await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0);
        assertEquals(used, members);
        as("marketing").queryParam("from", "2025-03-03").queryParam("to", "2025-03-04").queryParam("k", 3)
                .queryParam("channel", "chat").when().get("/api/v1/sentiment/topics/discovered").then()
                .statusCode(200).body("discoveryId", equalTo((int) id))
                .body("topics.terms", equalTo(created.getList("topics.terms")))
                .body("topics[0].examples", hasSize(5)).body("topics[0].averageSentiment", notNullValue());
        as("data-scientist").when().get("/api/v1/sentiment/topics/discovered/" + id).then().statusCode(200)
                .body("topics.documents", equalTo(created.getList("topics.documents")));

        // bad windows and k name their field; an empty window is 422; nothing stored for either
        String discovered = "/api/v1/sentiment/topics/discovered";
        for (String[] bad : List.of(new String[] { "k", "2025-03-03", "2025-03-04", "1", "chat" },
                new String[] { "k", "2025-03-03", "2025-03-04", "31", "chat" },
                new String[] { "from", null, "2025-03-04", "3", "chat" },
                new String[] { "from", "3 March", "2025-03-04", "3", "chat" },
                new String[] { "to", "2025-03-04", "2025-03-03", "3", "chat" },
                new String[] { "to", "2024-01-01", "2025-03-04", "3", "chat" },
                new String[] { "channel", "2025-03-03", "2025-03-04", "3", "fax" })) {
            RequestSpecification request = as("cx-analyst").queryParam("to", bad[2]).queryParam("k", bad[3])
                    .queryParam("channel", bad[4]);
            if (bad[1] != null) {
                request = request.queryParam("from", bad[1]);
            }
            request.when().post(discovered).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[0]));
        }
        as("cx-analyst").queryParam("from", "1999-01-01").queryParam("to", "1999-01-31").when().post(discovered)
                .then().statusCode(422);
        long runs = pool.query("select count(*) from silver.retail_topic_discovery where window_to < '2025-03-04'")
                .execute().await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0);
        assertEquals(0, runs);
        as("marketing").queryParam("from", "2025-03-03").queryParam("to", "2025-03-04").when().post(discovered)
                .then().statusCode(403);
        as("cx-analyst").when().get(discovered + "/999999999").then().statusCode(404);
    }

    @Test
    void vendorResultsAreKeptBesideTheServicesOwnAnalysisAndCompared() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String customer = "CUST-V-" + run;
        promoted(as("service").contentType("application/x-ndjson").body(ndjson(
                chat("V1-" + run, customer, "Customer", "2026-11-12T09:00:00Z",
                        "The mobile app is brilliant, really easy and fast. I love it."),
                chat("V2-" + run, customer, "Customer", "2026-11-12T09:05:00Z",
                        "This is awful, terrible service and hidden fees. I am furious."),
                chat("V3-" + run, customer, "Customer", "2026-11-12T09:10:00Z",
                        "Great service from the branch staff, thank you so much.")))
                .when().post("/api/v1/sentiment/chats/batch").then());
        String model = "vendor-nlp-" + run;
        promoted(as("service").contentType("application/json").body("""
                [{"sentimentId":"VS1-%1$s","sourceId":"V1-%1$s","sourceType":"Chat","sentimentScore":0.8,
                  "sentimentLabel":"Positive","magnitude":0.8,"confidence":0.9,"nlpModelVersion":"%2$s",
                  "keywordsExtracted":["mobile app","call me on +44 20 7946 0958"],"topicsDetected":["app"]},
                 {"sentimentId":"VS2-%1$s","sourceId":"V2-%1$s","sourceType":"chat","sentimentScore":-0.9,
                  "sentimentLabel":"Negative","nlpModelVersion":"%2$s"},
                 {"sentimentId":"VS3-%1$s","sourceId":"V3-%1$s","sourceType":"Chat","sentimentScore":-0.2,
                  "sentimentLabel":"Negative","nlpModelVersion":"%2$s"},
                 {"sentimentId":"VS4-%1$s","sourceId":"NOT-HERE-%1$s","sourceType":"Email","sentimentScore":0.1,
                  "sentimentLabel":"Neutral","nlpModelVersion":"%2$s"}]""".formatted(run, model))
                .when().post("/api/v1/sentiment/vendor-results/batch").then());
        var agreement = as("data-scientist").queryParam("nlpModelVersion", model).when()
                .get("/api/v1/sentiment/vendor-agreement").then().statusCode(200).body("$", hasSize(1))
                .body("[0].results", equalTo(4)).body("[0].compared", equalTo(3))
                .body("[0].pearson", greaterThan(0.5f)).extract().jsonPath();
        assertEquals(2.0 / 3, agreement.getDouble("[0].labelAgreement"), 1e-6, "V3: the vendor says negative");
        assertEquals(-0.1, agreement.getDouble("[0].meanVendorScore"), 1e-6);
        // a vendor keyword is text like any other: the phone number is not stored
        String history = as("cx-analyst").when().get("/api/v1/sentiment/vendor-results/VS1-" + run + "/history")
                .then().statusCode(200).body("[0].record.keywordsExtracted", hasItem(containsString("[PHONE]")))
                .extract().asString();
        assertTrue(!history.contains("7946"), history);
        // a re-sent result replaces the old one; the analysis of the text is untouched
        promoted(as("service").contentType("application/json").body("""
                {"sentimentId":"VS3-%1$s","sourceId":"V3-%1$s","sourceType":"Chat","sentimentScore":0.7,
                 "sentimentLabel":"Positive","nlpModelVersion":"%2$s"}""".formatted(run, model))
                .when().put("/api/v1/sentiment/vendor-results/VS3-" + run).then());
        as("data-scientist").queryParam("nlpModelVersion", model).when().get("/api/v1/sentiment/vendor-agreement")
                .then().statusCode(200).body("[0].results", equalTo(4)).body("[0].labelAgreement", equalTo(1.0f));
        // bad input names the field; nothing of the batch is stored
        for (String[] bad : List.of(new String[] { "sentimentScore", "\"sentimentScore\":1.5" },
                new String[] { "sentimentLabel", "\"sentimentLabel\":\"Happy\"" },
                new String[] { "sourceType", "\"sourceType\":\"Fax\"" })) {
            String record = """
                    {"sentimentId":"VBAD-%s","sourceId":"V1-%s","sourceType":"Chat","sentimentScore":0.1,
                     "sentimentLabel":"Neutral","nlpModelVersion":"bad-%s"}""".formatted(run, run, run)
                    .replaceFirst("\"" + bad[0] + "\":(\"[^\"]*\"|[-0-9.]+)", java.util.regex.Matcher
                            .quoteReplacement(bad[1]));
            as("service").contentType("application/json").body("[" + record + "]")
                    .when().post("/api/v1/sentiment/vendor-results/batch").then().statusCode(400)
                    .body("errors.field", hasItem(containsString(bad[0])));
        }
        as("data-scientist").queryParam("nlpModelVersion", "bad-" + run).when()
                .get("/api/v1/sentiment/vendor-agreement").then().statusCode(200).body("$", hasSize(0));
        as("marketing").when().get("/api/v1/sentiment/vendor-agreement").then().statusCode(403);
    }

    private static String groovyList(List<String> words) {
        return words.stream().map(w -> "'" + w + "'").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    @Test
    void textInAnUnsupportedLanguageIsStoredAsNotAnalysed() {
        String customer = "CUST-" + UUID.randomUUID();
        promoted(as("service").contentType("application/json").body("""
                [{"responseId":"FR-%1$s","surveyId":"NPS-Q4","customerId":"%1$s","respondedAt":"2026-11-20T12:00:00Z",
                  "question":"Pourquoi?","response":"Le service client est vraiment excellent, merci beaucoup pour votre aide rapide."}]"""
                .formatted(customer))
                .when().post("/api/v1/sentiment/surveys/batch").then());
        as("cx-analyst").when().get("/api/v1/sentiment/documents/survey/FR-" + customer).then().statusCode(200)
                .body("status", equalTo("NOT_ANALYSED_UNSUPPORTED_LANGUAGE"))
                .body("language", equalTo("fra"))
                .body("score", nullValue()).body("label", nullValue());
    }

    @Test
    void badInputIsRejectedNamingTheFieldAndNothingIsStored() {
        String customer = "CUST-" + UUID.randomUUID();
        String tooLong = "a".repeat(100_001);
        as("service").contentType("application/x-ndjson").body(ndjson(
                chat("B0-" + customer, customer, "Customer", "2026-11-20T09:00:00Z", "fine"),
                chat("B1-" + customer, customer, "Customer", "2026-11-20T09:00:00Z", " "),
                chat("B2-" + customer, customer, "Robot", "2026-11-20T09:00:00Z", "hello"),
                chat("B3-" + customer, customer, "Customer", "2026-11-20T09:00:00Z", tooLong),
                chat("B4-" + customer, customer, "Customer", "2026-11-20T09:00:00Z", "bell \u0007 binary")
                        .replace("\"product\":\"card\"", "\"language\":\"xx-12345678901\""),
                chat("B5-" + customer, customer, "Customer", "2026-11-20T09:00:00Z", "broken \uFFFD bytes")))
                .when().post("/api/v1/sentiment/chats/batch").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("[1].message", "[2].sender", "[3].message", "[4].message",
                        "[4].language", "[5].message"));
        byte[] notUtf8 = ndjson(chat("B6-" + customer, customer, "Customer", "2026-11-20T09:00:00Z", "caf\u00e9 ok"))
                .clone();
        String line = new String(notUtf8, StandardCharsets.UTF_8);
        int at = line.indexOf("caf") + 3;
        notUtf8[line.substring(0, at).getBytes(StandardCharsets.UTF_8).length] = (byte) 0xC3;
        notUtf8[line.substring(0, at).getBytes(StandardCharsets.UTF_8).length + 1] = (byte) 0x28; // not a continuation
        as("service").contentType("application/x-ndjson").body(notUtf8)
                .when().post("/api/v1/sentiment/chats/batch").then().statusCode(400)
                .body("errors.field", hasItem("line 1")); // the shared reader refuses malformed UTF-8 by line
        as("service").contentType("application/json").body("""
                {"transcriptId":"BT-%1$s","callId":"C","customerId":"%1$s","startedAt":"2026-11-20T10:00:00Z",
                 "durationSeconds":60,"turns":[{"speaker":"Bot","offsetSeconds":0,"text":"hi"}]}""".formatted(customer))
                .when().put("/api/v1/sentiment/calls/BT-" + customer).then().statusCode(400)
                .body("errors.field", hasItem("turns[0].speaker"));
        as("service").contentType("application/json").body("""
                {"transcriptId":"BT-%1$s","callId":"C","customerId":"%1$s","startedAt":"2026-11-20T10:00:00Z",
                 "durationSeconds":60,"turns":[]}""".formatted(customer))
                .when().put("/api/v1/sentiment/calls/BT-" + customer).then().statusCode(400)
                .body("errors.field", hasItem("turns"));
        as("cx-analyst").when().get("/api/v1/sentiment/chats/B0-" + customer + "/history").then().statusCode(404);
        as("cx-analyst").when().get("/api/v1/sentiment/documents/chat/B0-" + customer).then().statusCode(404);
        // roles: the feed writes, an analyst does not; no token is 401
        as("cx-analyst").contentType("application/x-ndjson")
                .body(ndjson(chat("R1-" + customer, customer, "Customer", "2026-11-20T09:00:00Z", "hello")))
                .when().post("/api/v1/sentiment/chats/batch").then().statusCode(403);
        given().contentType("application/x-ndjson")
                .body(ndjson(chat("R1-" + customer, customer, "Customer", "2026-11-20T09:00:00Z", "hello")))
                .when().post("/api/v1/sentiment/chats/batch").then().statusCode(401);
    }

    @Test
    void aTurnAfterTheCallEndedAndATranscriptWithoutTheCustomerAreQuarantined() {
        String customer = "CUST-" + UUID.randomUUID();
        promoted(as("service").contentType("application/x-ndjson").body(ndjson("""
                {"transcriptId":"Q1-%1$s","callId":"C1","customerId":"%1$s","startedAt":"2026-11-20T10:00:00Z","durationSeconds":60,"turns":[{"speaker":"Customer","offsetSeconds":90,"text":"Hello?"}]}"""
                .formatted(customer), """
                {"transcriptId":"Q2-%1$s","callId":"C2","customerId":"%1$s","startedAt":"2026-11-20T10:00:00Z","durationSeconds":60,"turns":[{"speaker":"Agent","offsetSeconds":1,"text":"Hello, anyone there?"}]}"""
                .formatted(customer)))
                .when().post("/api/v1/sentiment/calls/batch").then())
                .body("accepted", equalTo(0)).body("quarantined", equalTo(2));
        as("cx-analyst").queryParam("customerId", customer).when().get("/api/v1/sentiment/quarantine").then()
                .statusCode(200).body("items.rule", containsInAnyOrder("turn-within-call", "customer-speaks"))
                .body("items.field", containsInAnyOrder("turns", "turns"));
        as("cx-analyst").when().get("/api/v1/sentiment/documents/call/Q1-" + customer).then().statusCode(404);
    }

    @Test
    void clvPredictionsBecomeChurnSignalsOnceAndPoisonGoesToTheDeadLetterTopic() {
        String customer = "CUST-" + UUID.randomUUID();
        promoted(as("service").contentType("application/x-ndjson")
                .body(ndjson(chat("CV-" + customer, customer, "Customer", "2026-11-21T09:00:00Z",
                        "Another fee charged to my account, this is awful and unfair.")))
                .when().post("/api/v1/sentiment/chats/batch").then());
        String first = UUID.randomUUID().toString();
        publishPrediction(first, customer, 1, "0.200000");
        publishPrediction(first, customer, 1, "0.200000");
        KAFKA.send(topicPrefix + Topics.CLV_CUSTOMER_VALUE, customer, "{not json", java.util.Map.of(
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "clv-service",
                "ce_type", EventCatalog.CLV_CUSTOMER_VALUE_PREDICTED.type(), "ce_subject", customer,
                "content-type", "application/json"));
        publishPrediction(UUID.randomUUID().toString(), customer, 2, "0.350000");
        // same key, same partition: once version 2 is in, everything before it was processed
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> Double
                .valueOf(0.35).equals(as("cx-analyst").when().get("/api/v1/sentiment/customers/" + customer).then()
                        .extract().jsonPath().getObject("probabilityAlive", Double.class)));
        as("cx-analyst").when().get("/api/v1/sentiment/customer-value/" + customer + "@1/history").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].sourceSystem", equalTo("clv-service"));
        var dead = KAFKA.awaitRecords(topicPrefix + Topics.deadLetter("sentiment-service"),
                r -> customer.equals(r.key()), 1, Duration.ofSeconds(120));
        assertTrue(KafkaTestClient.header(dead.get(0), "dlq-reason").startsWith("unreadable event"),
                () -> KafkaTestClient.header(dead.get(0), "dlq-reason"));

        // sentiment beside clv's churn signal: only this test's customers have one, so the figures are theirs
        String run = UUID.randomUUID().toString();
        String[][] planted = { { "happy-1", "The mobile app is brilliant, really easy and fast. I love it.", "0.9" },
                { "happy-2", "Great service from the branch staff, thank you so much.", "0.8" },
                { "unhappy-1", "This is awful, terrible service and hidden fees. I am furious.", "0.1" },
                { "unhappy-2", "Dreadful, the worst bank ever, I hate these charges.", "0.15" } };
        List<String> chats = new ArrayList<>();
        for (String[] p : planted) {
            chats.add(chat("CV-" + p[0] + "-" + run, p[0] + "-" + run, "Customer", "2026-11-21T10:00:00Z", p[1]));
        }
        promoted(as("service").contentType("application/x-ndjson").body(ndjson(chats.toArray(String[]::new)))
                .when().post("/api/v1/sentiment/chats/batch").then());
        for (String[] p : planted) {
            publishPrediction(UUID.randomUUID().toString(), p[0] + "-" + run, 1, p[2]);
        }
        for (String[] p : planted) {
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                    .until(() -> as("cx-analyst").when().get("/api/v1/sentiment/customers/" + p[0] + "-" + run)
                            .then().extract().jsonPath().getObject("probabilityAlive", Double.class) != null);
        }
        as("data-scientist").when().get("/api/v1/sentiment/churn-correlation").then().statusCode(200)
                .body("customers", equalTo(5)).body("pearson", greaterThan(0.7f))
                .body("lostBelow", equalTo(0.5f)).body("lostCustomers", equalTo(3))
                .body("meanSentimentLost", lessThan(-0.3f)).body("meanSentimentActive", greaterThan(0.3f))
                .body("atRiskShareActive", equalTo(0f)).body("atRiskShareLost", greaterThan(0.6f))
                .body("meanProbabilityAliveAtRisk", lessThan(0.4f));
        as("data-scientist").queryParam("lostBelow", "0.12").when().get("/api/v1/sentiment/churn-correlation")
                .then().statusCode(200).body("lostCustomers", equalTo(1));
        as("data-scientist").queryParam("lostBelow", "1.5").when().get("/api/v1/sentiment/churn-correlation")
                .then().statusCode(400).body("errors[0].field", equalTo("lostBelow"));
        as("marketing").when().get("/api/v1/sentiment/churn-correlation").then().statusCode(403);
    }

    private void publishPrediction(String eventId, String customer, int version, String probabilityAlive) {
        KAFKA.send(topicPrefix + Topics.CLV_CUSTOMER_VALUE, customer, """
                {"customerId":"%s","modelVersion":%d,"predictionDate":"2026-11-22","predictedClv12mo":120.5,
                 "predictedClv36mo":300.1,"predictedClvLifetime":820.75,"decile":3,"probabilityAlive":%s,
                 "expectedPurchases12mo":1.2}""".formatted(customer, version, probabilityAlive), java.util.Map.of(
                "ce_specversion", "1.0", "ce_id", eventId, "ce_source", "clv-service",
                "ce_type", EventCatalog.CLV_CUSTOMER_VALUE_PREDICTED.type(), "ce_subject", customer,
                "ce_time", java.time.OffsetDateTime.now().toString(), "content-type", "application/json"));
    }

    @Test
    void theStatelessAnalyseCallScoresWithoutStoring() {
        as("marketing").contentType("application/json").body("""
                {"documents":[
                  {"id":"a","text":"I love this bank, the staff are so helpful!","channel":"chat"},
                  {"id":"b","text":"Operating profit rose 20% and costs fell.","domain":"FINANCIAL"},
                  {"id":"c","text":"Pay with 4111 1111 1111 1111 and I will close my account tomorrow.","channel":"Call"}]}""")
                .when().post("/api/v1/sentiment/analyse").then().statusCode(200)
                .body("modelVersion", containsString("vader-3.3.2"))
                .body("documents", hasSize(3))
                .body("documents[0].sentiment.label", equalTo("positive"))
                .body("documents[0].topics.topic", hasItem("branch_and_staff"))
                .body("documents[1].sentiment.score", greaterThan(0.1f))
                .body("documents[2].redactedText", not(containsString("4111")))
                .body("documents[2].redactions.CARD", equalTo(1))
                .body("documents[2].leaveIntent", notNullValue());
        as("marketing").contentType("application/json").body("""
                {"documents":[{"text":"","channel":"chat"}]}""")
                .when().post("/api/v1/sentiment/analyse").then().statusCode(400)
                .body("errors.field", hasItem("documents[0].text"));
        as("marketing").contentType("application/json").body("""
                {"documents":[{"text":"ok","language":"zz"}]}""")
                .when().post("/api/v1/sentiment/analyse").then().statusCode(400)
                .body("errors.field", hasItem("documents[0].language"));
        as("marketing").contentType("application/json").body("""
                {"documents":[{"text":"ok","channel":"fax"}]}""")
                .when().post("/api/v1/sentiment/analyse").then().statusCode(400)
                .body("errors.field", hasItem("documents[0].channel"));
        as("sales-rep").contentType("application/json").body("{\"documents\":[{\"text\":\"ok\"}]}")
                .when().post("/api/v1/sentiment/analyse").then().statusCode(403);
    }

    /**
     * A write's receipt once its batch reached silver and gold. The write waits for that itself, but on a loaded
     * machine it may answer 202 first; then the receipt is polled (generous deadline, no timing asserted).
     */
    private static ValidatableResponse promoted(ValidatableResponse write) {
        String batchId = write.statusCode(anyOf(equalTo(200), equalTo(202))).extract().jsonPath().getString("batchId");
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> !"accepted".equals(receipt(batchId).extract().jsonPath().getString("status")));
        return receipt(batchId).statusCode(200).body("status", equalTo("promoted"));
    }

    private static ValidatableResponse receipt(String batchId) {
        return as("cx-analyst").when().get("/api/v1/sentiment/batches/" + batchId).then();
    }

    private static com.fasterxml.jackson.databind.JsonNode valid(EventType<?> type, ConsumerRecord<String, String> r) {
        try {
            var node = EventJson.mapper().readTree(r.value());
            assertEquals(List.of(), EventSchemas.violations(type, node), r.value());
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

}
