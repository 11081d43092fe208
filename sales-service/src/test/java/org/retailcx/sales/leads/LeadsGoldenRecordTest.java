package org.retailcx.sales.leads;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retailcx.sales.SalesTestApi.unique;
import static org.retailcx.sales.leads.LeadsTestSupport.awaitEvents;
import static org.retailcx.sales.leads.LeadsTestSupport.get;
import static org.retailcx.sales.leads.LeadsTestSupport.json;
import static org.retailcx.sales.leads.LeadsTestSupport.put;
import static org.retailcx.sales.leads.LeadsTestSupport.rep;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventSchemas;
import org.retailcx.schema.Topics;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The same person from several sources becomes one golden lead: matching, a transitive merge, survivorship, lineage. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class LeadsGoldenRecordTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void threeSourcesOnePersonWithATransitiveMergeAndSurvivorship() throws Exception {
        String u = unique("p").substring(2);
        String repId = "REP-" + u;
        put("reps", repId, rep(repId)).statusCode(200);
        String digits = String.valueOf(1_000_000 + Math.abs(u.hashCode() % 8_999_999));
        String web = "WEB-" + u;
        String call = "CALL-" + u;
        String branch = "BR-" + u;

        // web form and call center share no key: two golden leads
        put("leads", web, json("leadId", web, "firstName", "Ann", "lastName", "Schmidt", "email",
                "Anna.Schmidt" + u + "@gmail.com", "source", "Web Form", "campaignId", "CMP-" + u,
                "qualificationStatus", "New", "createdDate", "2026-03-01", "updatedAt", "2026-03-01T10:00:00Z",
                "attributes", Map.of("income", 52000, "segment", "young"))).statusCode(200);
        put("leads", call, json("leadId", call, "firstName", "Anna", "email", "anna.work." + u + "@bank.de",
                "phone", "+49 30 " + digits, "source", "Call Center", "qualificationStatus", "Working",
                "assignedSalesRep", repId, "createdDate", "2026-03-05", "updatedAt", "2026-03-05T10:00:00Z",
                "attributes", Map.of("income", 55000))).statusCode(200);
        long webGolden = goldenIdOf(web);
        long callGolden = goldenIdOf(call);
        assertEquals(true, webGolden < callGolden);

        // the branch lead has the web lead's gmail address (dots and case differ) and the call lead's phone
        put("leads", branch, json("leadId", branch, "lastName", "Schmidt", "email",
                "AnnaSchmidt" + u + "@GMail.com",
                "phone", "030 " + digits, "source", "Branch", "qualificationStatus", "Qualified",
                "createdDate", "2026-03-10", "updatedAt", "2026-03-10T10:00:00Z")).statusCode(200);

        get("/api/v1/sales/leads/" + call + "/golden", "admin").statusCode(200)
                .body("goldenLeadId", equalTo((int) webGolden))
                .body("members.sourceLeadId", contains(web, call, branch))
                .body("members.matchRule", contains("new", "new", "email"))
                .body("members[0].bronzeIds", hasSize(1))
                .body("merges", hasSize(1))
                .body("merges[0].mergedGoldenLeadId", equalTo((int) callGolden))
                .body("merges[0].linkingLeadId", equalTo(branch))
                .body("merges[0].matchRule", equalTo("email"))
                // survivorship
                .body("source", equalTo("Web Form"))
                .body("campaignId", equalTo("CMP-" + u))
                .body("createdDate", equalTo("2026-03-01"))
                .body("qualificationStatus", equalTo("Qualified"))
                .body("firstName", equalTo("Anna"))
                .body("lastName", equalTo("Schmidt"))
                .body("email", equalTo("AnnaSchmidt" + u + "@GMail.com"))
                .body("phone", equalTo("030 " + digits))
                .body("assignedSalesRep", equalTo(repId))
                .body("attributes.income", equalTo(55000))
                .body("attributes.segment", equalTo("young"));
        get("/api/v1/sales/leads/" + web + "/golden", "marketing").statusCode(200)
                .body("goldenLeadId", equalTo((int) webGolden));

        // re-sending a known lead changes nothing and announces nothing
        put("leads", web, json("leadId", web, "firstName", "Ann", "lastName", "Schmidt", "email",
                "Anna.Schmidt" + u + "@gmail.com", "source", "Web Form", "campaignId", "CMP-" + u,
                "qualificationStatus", "New", "createdDate", "2026-03-01", "updatedAt", "2026-03-01T10:00:00Z",
                "attributes", Map.of("income", 52000, "segment", "young"))).statusCode(200)
                .body("eventsQueued", equalTo(0));
        get("/api/v1/sales/leads/" + web + "/golden", "marketing").statusCode(200)
                .body("members[0].bronzeIds", hasSize(2));

        // one lead.created per golden lead ever created, keyed by golden id (no customer yet)
        String topic = topicPrefix + Topics.SALES_LEAD;
        Set<String> goldens = Set.of(Long.toString(webGolden), Long.toString(callGolden));
        List<ConsumerRecord<String, String>> created = awaitEvents(KAFKA, topic, EventCatalog.SALES_LEAD_CREATED.type(),
                r -> goldens.contains(KafkaTestClient.header(r, "ce_subject")), 2);
        for (ConsumerRecord<String, String> event : created) {
            var data = EventJson.mapper().readTree(event.value());
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.SALES_LEAD_CREATED, data));
            assertEquals(data.get("goldenLeadId").asText(), event.key());
        }
        Map<String, String> sourceLeadByGolden = created.stream().collect(Collectors.toMap(
                e -> KafkaTestClient.header(e, "ce_subject"), e -> readField(e.value(), "sourceLeadId")));
        assertEquals(Map.of(Long.toString(webGolden), web, Long.toString(callGolden), call), sourceLeadByGolden);
        assertEquals(2, KAFKA.readFor(topic, r -> EventCatalog.SALES_LEAD_CREATED.type().equals(
                KafkaTestClient.header(r, "ce_type")) && goldens.contains(KafkaTestClient.header(r, "ce_subject")),
                Duration.ofSeconds(2)).size());
    }

    @Test
    void goldenLeadsArePagedAndUnknownLeadsAre404() {
        String a = unique("WEB");
        put("leads", a, json("leadId", a, "source", "Event", "email", a + "@example.org")).statusCode(200);
        get("/api/v1/sales/leads/golden?limit=1", "admin").statusCode(200)
                .body("items", hasSize(1));
        var first = get("/api/v1/sales/leads/golden?limit=1000", "admin").statusCode(200)
                .extract().jsonPath();
        List<String> sources = first.getList("items.members.flatten().sourceLeadId");
        org.hamcrest.MatcherAssert.assertThat(sources, hasItem(a));
        get("/api/v1/sales/leads/NOPE-" + a + "/golden", "admin").statusCode(404)
                .contentType("application/problem+json");
        get("/api/v1/sales/leads/golden?cursor=%%%", "admin").statusCode(400);
        get("/api/v1/sales/leads/" + a + "/golden", "cx-analyst").statusCode(403);
    }

    private static long goldenIdOf(String leadId) {
        return get("/api/v1/sales/leads/" + leadId + "/golden", "admin").statusCode(200)
                .extract().jsonPath().getLong("goldenLeadId");
    }

    private static String readField(String json, String field) {
        try {
            return EventJson.mapper().readTree(json).get(field).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
