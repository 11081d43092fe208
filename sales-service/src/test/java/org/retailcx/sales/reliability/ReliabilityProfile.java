package org.retailcx.sales.reliability;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The outage drills' timings: a stall alert of seconds instead of minutes and a short Kafka delivery timeout, so a
 * drill sees the outbox check go DOWN and come back within a test. Health timeouts stay at their defaults.
 */
public class ReliabilityProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "retailcx.outbox.stall-alert", "PT2S",
                "retailcx.outbox.lag-sample-interval", "0.2s",
                "retailcx.kafka.delivery-timeout", "4s",
                "retailcx.outbox.cycle-timeout", "15s");
    }
}
