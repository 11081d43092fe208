package org.retailcx.sales.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadFeaturesTest {

    @Test
    void keepsNumbersCategoriesAndMissingValues() {
        Map<String, Object> features = new HashMap<>();
        features.put("age", 41);
        features.put("channel", "web");
        features.put("existingCustomer", true);
        features.put("income", null);

        LeadFeatures lead = new LeadFeatures("crm-1", features);

        assertEquals(41, lead.value("age"));
        assertEquals("web", lead.value("channel"));
        assertEquals(true, lead.value("existingCustomer"));
        assertNull(lead.value("income"));
        assertNull(lead.value("neverSent"));
        assertTrue(lead.features().containsKey("income"));
    }

    @Test
    void isImmutableAndDetachedFromTheCallersMap() {
        Map<String, Object> features = new HashMap<>(Map.of("age", 41));
        LeadFeatures lead = LeadFeatures.of(features);
        features.put("age", 99);

        assertEquals(41, lead.value("age"));
        assertThrows(UnsupportedOperationException.class, () -> lead.features().put("age", 1));
    }

    @Test
    void rejectsValuesThatAreNeitherNumberNorCategory() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LeadFeatures.of(Map.of("firstContact", LocalDate.of(2024, 1, 2))));
        assertTrue(error.getMessage().contains("firstContact"), error.getMessage());
    }
}
