package org.retailcx.personalization.model.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PointInTimeJoinTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static Instant day(int d) {
        return T0.plus(Duration.ofDays(d));
    }

    private static FeatureEvent event(String customer, String feature, Object value, int eventDay, int createdDay) {
        return new FeatureEvent(customer, feature, value, day(eventDay), day(createdDay));
    }

    private static final List<FeatureEvent> EVENTS = List.of(
            event("c1", "clv_decile", 3, 1, 1),
            event("c1", "clv_decile", 5, 10, 10),
            event("c1", "clv_decile", 6, 10, 12), // same event time, written later: a correction, wins
            event("c1", "clv_decile", 9, 20, 20), // the future for rows before day 20
            event("c1", "lead_score", 0.7, 2, 2),
            event("c2", "clv_decile", 1, 5, 5));

    private static Map<String, Duration> features() {
        Map<String, Duration> features = new LinkedHashMap<>();
        features.put("clv_decile", Duration.ZERO);
        features.put("lead_score", Duration.ofDays(7));
        return features;
    }

    @Test
    void eachFeatureAsOfTheRowNeverFromItsFuture() {
        List<FeatureRow> rows = PointInTimeJoin.join(List.of(
                new EntityRow("c1", day(0)),
                new EntityRow("c1", day(5)),
                new EntityRow("c1", day(10)),
                new EntityRow("c1", day(19)),
                new EntityRow("c2", day(30)),
                new EntityRow("c3", day(30))), EVENTS, features());
        assertNull(rows.get(0).values().get("clv_decile"), "nothing known yet on day 0");
        assertEquals(3, rows.get(1).values().get("clv_decile"));
        assertEquals(0.7, rows.get(1).values().get("lead_score"));
        assertEquals(6, rows.get(2).values().get("clv_decile"), "event time == row time counts; created time breaks the tie");
        assertEquals(6, rows.get(3).values().get("clv_decile"), "the day-20 value is not visible on day 19");
        assertNull(rows.get(3).values().get("lead_score"), "day-2 score expired after its 7-day TTL");
        assertEquals(1, rows.get(4).values().get("clv_decile"), "zero TTL never expires");
        assertNull(rows.get(5).values().get("clv_decile"), "unknown entity");
        assertEquals(List.of("clv_decile", "lead_score"), List.copyOf(rows.get(0).values().keySet()));
    }

    @Test
    void ttlBoundaryIsInclusive() {
        List<FeatureRow> rows = PointInTimeJoin.join(List.of(new EntityRow("c1", day(9)),
                new EntityRow("c1", day(9).plusSeconds(1))), EVENTS, features());
        assertEquals(0.7, rows.get(0).values().get("lead_score"), "exactly 7 days old is still alive");
        assertNull(rows.get(1).values().get("lead_score"));
    }
}
