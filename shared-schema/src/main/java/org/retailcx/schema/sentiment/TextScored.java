package org.retailcx.schema.sentiment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One customer text scored (for feature stores): its channel and id, the score on the suite's −1..1 scale and the
 * topics it raised. Never carries the text itself.
 *
 * @param customerVoice whether the customer wrote or said it (false for an agent's message or an outbound e-mail)
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextScored(
        String channel,
        String sourceRecordId,
        String customerId,
        boolean customerVoice,
        OffsetDateTime occurredAt,
        BigDecimal score,
        String label,
        BigDecimal magnitude,
        BigDecimal confidence,
        List<String> topics,
        boolean leaveIntent,
        String language,
        String modelVersion) {
}
