package org.retailcx.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.retailcx.schema.sales.OpportunityClosedWon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class EventContractsTest {

    static Stream<EventType<?>> eventTypes() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void sampleOfEveryEventTypeSatisfiesItsSchemaAndMapsToItsJavaType(EventType<?> type) throws IOException {
        JsonNode sample = sample(type);
        assertEquals(List.of(), EventSchemas.violations(type, sample));
        Object data = EventJson.mapper().treeToValue(sample, type.dataClass());
        JsonNode roundTrip = EventJson.mapper().valueToTree(data);
        assertEquals(List.of(), EventSchemas.violations(type, roundTrip), "Java type writes what the schema accepts");
        assertEquals(sample, roundTrip, "Java type keeps every field of the sample");
    }

    @Test
    void everySchemaFileBelongsToACatalogEntry() throws IOException, URISyntaxException {
        Path dir = Path.of(EventSchemas.class.getResource(EventCatalog.all().get(0).schemaResource()).toURI()).getParent();
        try (Stream<Path> files = Files.list(dir)) {
            List<String> schemaTypes = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted().toList();
            List<String> catalogTypes = EventCatalog.all().stream().map(EventType::type).sorted().toList();
            assertEquals(catalogTypes, schemaTypes);
        }
    }

    @Test
    void closedWonRejectsMissingCustomerNegativeAmountAndUnknownProduct() throws IOException {
        var type = EventCatalog.SALES_OPPORTUNITY_CLOSED_WON;
        ObjectNode bad = (ObjectNode) sample(type);
        bad.remove("customerId");
        bad.put("amount", -5);
        bad.put("product", "mortgage-ish");
        bad.put("closeDate", "20-11-2026");
        List<String> violations = EventSchemas.violations(type, bad);
        assertEquals(4, violations.size(), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("customerId")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("amount")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("product")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("closeDate")), violations::toString);
    }

    @Test
    void toValidatedJsonRefusesDataThatBreaksTheContract() {
        var type = EventCatalog.SALES_OPPORTUNITY_CLOSED_WON;
        var ok = new OpportunityClosedWon("OPP-1", "CUST-1", null, "card", new BigDecimal("10.50"), "EUR",
                LocalDate.of(2026, 1, 2), null);
        JsonNode json = EventSchemas.toValidatedJson(type, ok);
        assertFalse(json.has("ownerId"), "absent optional fields are left out, not written as null");
        var bad = new OpportunityClosedWon("OPP-1", "CUST-1", null, "card", BigDecimal.ZERO, "eur",
                LocalDate.of(2026, 1, 2), null);
        var e = assertThrows(EventSchemas.InvalidEventException.class, () -> EventSchemas.toValidatedJson(type, bad));
        assertEquals(2, e.violations().size(), e.violations()::toString);
    }

    @Test
    void catalogLooksUpTypesAndRefusesMalformedNames() {
        assertEquals(EventCatalog.SALES_OPPORTUNITY_CLOSED_WON,
                EventCatalog.byType("retailcx.sales.opportunity.closed-won.v1").orElseThrow());
        assertTrue(EventCatalog.byType("retailcx.sales.opportunity.closed-won.v9").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new EventType<>("ClosedWon", "t", String.class));
    }

    private static JsonNode sample(EventType<?> type) throws IOException {
        try (InputStream in = EventContractsTest.class.getResourceAsStream("/samples/" + type.type() + ".json")) {
            assertNotNull(in, "every event type needs a sample in src/test/resources/samples");
            return EventJson.mapper().readTree(in);
        }
    }
}
