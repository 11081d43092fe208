package org.retailcx.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExperimentClientTest {

    @Test
    void assignsLocallyLikeGrowthBook() {
        ExperimentClient client = new ExperimentClient();
        client.publish(Map.of("key", "my-test", "variations", List.of(0, 1)));
        // GrowthBook run vectors "default weights - 1" and "- 2": id 1 → variation 1, id 2 → variation 0
        Assignment first = client.assign("my-test", Map.of("id", "1")).orElseThrow();
        assertEquals(1, first.variationId());
        assertTrue(first.inExperiment());
        assertEquals(0, client.assign("my-test", Map.of("id", "2")).orElseThrow().variationId());
        assertTrue(client.assign("other", Map.of("id", "1")).isEmpty());
    }

    @Test
    void targetsBySavedGroupAndFollowsRepublication() {
        ExperimentClient client = new ExperimentClient();
        client.replaceSavedGroups(Map.of("premium", List.of("4", "5")));
        client.publish(Map.of("key", "offer", "variations", List.of("a", "b"),
                "condition", Map.of("id", Map.of("$inGroup", "premium"))));
        assertTrue(client.assign("offer", Map.of("id", "4")).orElseThrow().inExperiment());
        assertFalse(client.assign("offer", Map.of("id", "7")).orElseThrow().inExperiment());
        client.publish(Map.of("key", "offer", "variations", List.of("a", "b"), "active", false));
        assertFalse(client.assign("offer", Map.of("id", "4")).orElseThrow().inExperiment());
        client.withdraw("offer");
        assertEquals(0, client.experimentKeys().size());
    }

    @Test
    void rejectsDefinitionsNamingTheField() {
        ExperimentClient client = new ExperimentClient();
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
                () -> client.publish(Map.of("variations", List.of(0, 1))));
        assertTrue(noKey.getMessage().startsWith("key"));
        IllegalArgumentException badWeight = assertThrows(IllegalArgumentException.class,
                () -> client.publish(Map.of("key", "k", "variations", List.of(0, 1), "weights", List.of(0.5, "x"))));
        assertTrue(badWeight.getMessage().startsWith("weights[1]"));
    }
}
