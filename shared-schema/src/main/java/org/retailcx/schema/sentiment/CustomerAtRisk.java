package org.retailcx.schema.sentiment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's text put them at risk of leaving: they voiced intent to leave, or its sentiment score fell to the
 * threshold or below. One event per text (its reasons together), raised as the text is analysed.
 *
 * @param reasons {@code leave-intent} and/or {@code negative-sentiment}
 * @param leaveIntent the (redacted) phrase voicing the intent to leave, when that is a reason
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerAtRisk(
        String customerId,
        List<String> reasons,
        String channel,
        String sourceRecordId,
        BigDecimal score,
        BigDecimal threshold,
        String leaveIntent,
        List<String> topics,
        OffsetDateTime occurredAt) {
}
