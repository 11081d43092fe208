package org.retailcx.journey.pipeline.contact;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.schema.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The channel policies {@link ActionDispatcher} applies, as marketing sets them. */
@ApplicationScoped
public class ChannelPolicies {

    @RegisterForReflection
    public record ChannelPolicyView(String channel, JsonNode caps, LocalTime quietHoursStart, LocalTime quietHoursEnd,
            String updatedBy, OffsetDateTime updatedAt) {
    }

    private static final String COLUMNS = "channel, caps::text, quiet_hours_start, quiet_hours_end, updated_by, "
            + "updated_at";

    private final Pool pool;

    public ChannelPolicies(Pool pool) {
        this.pool = pool;
    }

    public Uni<ChannelPolicyView> save(String channel, List<Map<String, Object>> caps, LocalTime quietStart,
            LocalTime quietEnd, String caller) {
        return pool.preparedQuery("""
                insert into silver.journey_channel_policy (channel, caps, quiet_hours_start, quiet_hours_end,
                    updated_by)
                values ($1, $2::text::jsonb, $3, $4, $5)
                on conflict (channel) do update set caps = excluded.caps,
                    quiet_hours_start = excluded.quiet_hours_start, quiet_hours_end = excluded.quiet_hours_end,
                    updated_by = excluded.updated_by, updated_at = now()
                returning\s""" + COLUMNS)
                .execute(Tuple.of(channel, json(caps), quietStart, quietEnd, caller))
                .map(rows -> view(rows.iterator().next()));
    }

    public Uni<List<ChannelPolicyView>> list() {
        return pool.query("select " + COLUMNS + " from silver.journey_channel_policy order by channel").execute()
                .map(rows -> {
                    List<ChannelPolicyView> out = new ArrayList<>();
                    rows.forEach(r -> out.add(view(r)));
                    return out;
                });
    }

    private static ChannelPolicyView view(Row r) {
        try {
            return new ChannelPolicyView(r.getString(0), EventJson.mapper().readTree(r.getString(1)),
                    r.getLocalTime(2), r.getLocalTime(3), r.getString(4), r.getOffsetDateTime(5));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
