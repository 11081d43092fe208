package org.retailcx.sentiment.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.retailcx.platform.medallion.MedallionSource;
import org.retailcx.platform.medallion.Quarantine;
import org.retailcx.sentiment.ingest.Channel;
import org.retailcx.sentiment.ingest.SentimentSources;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads each channel's bronze rows in one shape: the newest valid version of each record in the batches (or in all of
 * bronze, for a rebuild). Only the customer's words are analysed for their sentiment: a call's Customer turns, a chat
 * message the customer sent, an inbound e-mail; an agent's chat line or an outbound e-mail is analysed too (for
 * topics and drivers) but does not count as the customer's voice.
 */
final class ChannelDocuments {

    private ChannelDocuments() {
    }

    /** Per channel: its source and the select list over bronze alias {@code b}. */
    private record Shape(MedallionSource<?> source, String select) {
    }

    private static final Map<Channel, Shape> SHAPES = Map.of(
            Channel.CALL, new Shape(SentimentSources.CALLS, """
                    b.customer_id, b.agent_id, b.call_id, b.product, b.started_at, b.language, true,
                    (select string_agg(t ->> 'text', E'\\n' order by n) from jsonb_array_elements(b.turns)
                        with ordinality e(t, n) where t ->> 'speaker' = 'Customer'),
                    b.transcript_text,
                    array(select t ->> 'text' from jsonb_array_elements(b.turns) with ordinality e(t, n)
                        where t ->> 'speaker' = 'Customer' order by n)"""),
            Channel.CHAT, new Shape(SentimentSources.CHATS, """
                    b.customer_id, b.agent_id, b.chat_id, b.product, b.sent_at, b.language, b.sender = 'Customer',
                    b.message, b.message, null::text[]"""),
            Channel.EMAIL, new Shape(SentimentSources.EMAILS, """
                    b.customer_id, null, null, b.product, b.sent_at, b.language, b.direction = 'Inbound',
                    concat_ws(E'\\n', nullif(b.subject, ''), b.body), concat_ws(E'\\n', nullif(b.subject, ''), b.body),
                    null::text[]"""),
            Channel.SURVEY, new Shape(SentimentSources.SURVEYS, """
                    b.customer_id, null, b.survey_id, b.product, b.responded_at, b.language, true, b.response,
                    b.response, null::text[]"""),
            Channel.SOCIAL, new Shape(SentimentSources.SOCIAL, """
                    b.customer_id, null, null, b.product, b.posted_at, b.language, true, b.text, b.text,
                    null::text[]"""));

    static MedallionSource<?> source(Channel channel) {
        return SHAPES.get(channel).source();
    }

    /** The newest valid version of each record of {@code channel} in the batches ({@code batchIds} null: all). */
    static Uni<List<ChannelText>> read(SqlConnection tx, Channel channel, UUID[] batchIds) {
        Shape shape = SHAPES.get(channel);
        String sql = "select distinct on (b.source_record_id) b.source_record_id, " + shape.select()
                + ", b.bronze_id, b.batch_id from " + shape.source().table() + " b where "
                + (batchIds == null ? "true" : "b.batch_id = any($1)") + " and "
                + Quarantine.notQuarantined(shape.source()) + " order by b.source_record_id, b.bronze_id desc";
        Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> rows = batchIds == null ? tx.query(sql).execute()
                : tx.preparedQuery(sql).execute(Tuple.of((Object) batchIds));
        return rows.map(set -> {
            List<ChannelText> texts = new ArrayList<>(set.size());
            for (Row r : set) {
                String[] turns = r.getArrayOfStrings(10);
                texts.add(new ChannelText(channel, r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                        r.getString(4), r.getOffsetDateTime(5), r.getString(6), r.getBoolean(7), r.getString(8),
                        r.getString(9), turns == null ? List.of() : Arrays.asList(turns), r.getLong(11),
                        r.getUUID(12)));
            }
            return texts;
        });
    }
}
