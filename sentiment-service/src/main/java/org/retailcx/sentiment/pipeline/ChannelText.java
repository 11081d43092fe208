package org.retailcx.sentiment.pipeline;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.retailcx.sentiment.ingest.Channel;

/**
 * A channel record as the analysis reads it from bronze: who, when, what the customer said ({@code text}) and the
 * record's whole text for display ({@code fullText}: for a call the transcript with the agent's turns too).
 *
 * @param customerTurns for calls, the customer's turns in order (their first and last give the agent's impact)
 */
record ChannelText(Channel channel, String sourceRecordId, String customerId, String agentId, String conversationId,
        String product, OffsetDateTime occurredAt, String language, boolean customerVoice, String text,
        String fullText, List<String> customerTurns, long bronzeId, UUID batchId) {
}
