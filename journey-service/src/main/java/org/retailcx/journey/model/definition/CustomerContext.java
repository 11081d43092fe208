package org.retailcx.journey.model.definition;

import java.time.ZoneId;
import java.util.Map;

/** The customer's attributes that conditions read as {@code customer}, and the zone local-time waits use. */
public record CustomerContext(String customerId, ZoneId zone, Map<String, Object> attributes) {

    public CustomerContext {
        attributes = Map.copyOf(attributes);
    }
}
