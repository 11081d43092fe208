package org.retailcx.personalization.model.features;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Point-in-time join (Feast's semantics): for each entity row and feature, the event of that entity and feature
 * with the latest event time such that event time ≤ row time and event time ≥ row time − TTL; among events with
 * that event time the latest created time wins. A zero or missing TTL means values never expire.
 */
public final class PointInTimeJoin {

    private static final Comparator<FeatureEvent> AS_KNOWN =
            Comparator.comparing(FeatureEvent::eventTime).thenComparing(FeatureEvent::createdTime);

    private PointInTimeJoin() {
    }

    /**
     * @param ttlByFeature the features to retrieve, in output order, each with its time to live
     * @return one row per entity row, in the given order
     */
    public static List<FeatureRow> join(List<EntityRow> rows, List<FeatureEvent> events,
                                        Map<String, Duration> ttlByFeature) {
        Map<String, Map<String, List<FeatureEvent>>> history = new HashMap<>();
        for (FeatureEvent event : events) {
            if (ttlByFeature.containsKey(event.feature())) {
                history.computeIfAbsent(event.entityId(), id -> new HashMap<>())
                        .computeIfAbsent(event.feature(), f -> new ArrayList<>()).add(event);
            }
        }
        history.values().forEach(byFeature -> byFeature.values().forEach(list -> list.sort(AS_KNOWN)));
        List<FeatureRow> joined = new ArrayList<>(rows.size());
        for (EntityRow row : rows) {
            Map<String, List<FeatureEvent>> byFeature = history.getOrDefault(row.entityId(), Map.of());
            Map<String, Object> values = new LinkedHashMap<>();
            ttlByFeature.forEach((feature, ttl) -> values.put(feature,
                    valueAsOf(byFeature.getOrDefault(feature, List.of()), row.timestamp(), ttl)));
            joined.add(new FeatureRow(row, Collections.unmodifiableMap(values)));
        }
        return joined;
    }

    /** The last event (in event time, then created time) at or before {@code asOf}, if it is still alive. */
    private static Object valueAsOf(List<FeatureEvent> sortedEvents, Instant asOf, Duration ttl) {
        int low = 0;
        int high = sortedEvents.size() - 1;
        int latest = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (!sortedEvents.get(middle).eventTime().isAfter(asOf)) {
                latest = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (latest < 0) {
            return null;
        }
        FeatureEvent event = sortedEvents.get(latest);
        boolean expires = ttl != null && !ttl.isZero();
        if (expires && event.eventTime().isBefore(asOf.minus(ttl))) {
            return null;
        }
        return event.value();
    }
}
