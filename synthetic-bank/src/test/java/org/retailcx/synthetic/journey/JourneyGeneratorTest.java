package org.retailcx.synthetic.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class JourneyGeneratorTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-02T12:00:00Z");

    @Test
    void theCustomersWhoNeverTakeTheNextStepAreExactlyThePlantedDropOffs() {
        JourneyGenerator.Journeys j = JourneyGenerator.generate(600, 400, 42, NOW);
        Set<String> funded = customersWith(j.events(), "app.onboarding.funded");
        Set<String> verified = customersWith(j.events(), "app.onboarding.identity-verified");
        assertEquals(j.onboarded(), verified, "everyone verifies their identity");
        Set<String> stalled = new HashSet<>(j.onboarded());
        stalled.removeAll(funded);
        assertEquals(j.neverFunded(), stalled);
        Set<String> uploaded = customersWith(j.events(), "web.loan.documents-uploaded");
        Set<String> notUploaded = new HashSet<>(j.applied());
        notUploaded.removeAll(uploaded);
        assertEquals(j.neverUploaded(), notUploaded);
        assertEquals(uploaded, customersWith(j.events(), "web.loan.offer-accepted"), "who uploads, accepts");
        // the planted rates, within binomial noise (3 standard deviations)
        assertEquals(JourneyGenerator.ONBOARDING_DROP, j.neverFunded().size() / 600.0, 3 * Math.sqrt(0.3 * 0.7 / 600));
        assertEquals(JourneyGenerator.LOAN_DROP, j.neverUploaded().size() / 400.0, 3 * Math.sqrt(0.4 * 0.6 / 400));
    }

    @Test
    void stalledCustomersAreOverdueAndNothingLiesInTheFuture() {
        JourneyGenerator.Journeys j = JourneyGenerator.generate(200, 100, 7, NOW);
        OffsetDateTime overdue = NOW.minusHours(6);
        for (Map<String, Object> e : j.events()) {
            OffsetDateTime at = (OffsetDateTime) e.get("occurredAt");
            assertTrue(at.isBefore(NOW), e.toString());
            String customer = (String) e.get("customerId");
            boolean lastStepOfAStall = (j.neverFunded().contains(customer)
                    && e.get("eventType").equals("app.onboarding.identity-verified"))
                    || (j.neverUploaded().contains(customer)
                            && e.get("eventType").equals("web.loan.application-started"));
            if (lastStepOfAStall) {
                assertTrue(at.isBefore(overdue), "a stall has outlived the stage's expected time: " + e);
            }
        }
        // events in time order (a batch runs them in file order)
        for (int i = 1; i < j.events().size(); i++) {
            assertTrue(!((OffsetDateTime) j.events().get(i).get("occurredAt"))
                    .isBefore((OffsetDateTime) j.events().get(i - 1).get("occurredAt")));
        }
        // touches come before the customer's application, with a cost; conversions carry the loan amounts
        BigDecimal converted = BigDecimal.ZERO;
        for (Map<String, Object> e : j.events()) {
            if (e.containsKey("conversionValue")) {
                converted = converted.add((BigDecimal) e.get("conversionValue"));
            }
        }
        assertEquals(j.loanValue(), converted);
        for (Map<String, Object> t : j.touchpoints()) {
            assertTrue(((BigDecimal) t.get("cost")).signum() > 0);
            assertTrue(j.applied().contains((String) t.get("customerId")));
        }
        assertEquals(j.touchpoints().size(),
                j.touchpoints().stream().map(t -> t.get("touchpointId")).distinct().count());
    }

    @Test
    void theDefinitionsParseAndTheSameSeedGivesTheSameData() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String d : JourneyGenerator.definitions().values()) {
            assertTrue(json.readTree(d).path("nodes").size() > 4);
        }
        assertEquals(JourneyGenerator.generate(50, 20, 3, NOW), JourneyGenerator.generate(50, 20, 3, NOW));
    }

    private static Set<String> customersWith(List<Map<String, Object>> events, String type) {
        return events.stream().filter(e -> e.get("eventType").equals(type)).map(e -> (String) e.get("customerId"))
                .collect(Collectors.toSet());
    }
}
