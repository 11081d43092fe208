package org.retailcx.recommendation.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.retailcx.schema.EventJson;

/** Reading the events the tests await on the broker. */
final class EventFields {

    private EventFields() {
    }

    /** A field of a record's JSON value, as text ("" when absent or unreadable). */
    static String field(ConsumerRecord<String, String> record, String name) {
        try {
            return EventJson.mapper().readTree(record.value()).path(name).asText();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
