package org.retailcx.journey.pipeline.contact;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.retailcx.journey.model.contact.ChannelPolicy;
import org.retailcx.journey.model.contact.ContactDecision;
import org.retailcx.journey.model.contact.ContactPolicy;
import org.retailcx.journey.model.contact.CustomerContactPreferences;
import org.retailcx.journey.model.contact.FrequencyCap;
import org.retailcx.journey.model.contact.QuietHours;
import org.retailcx.journey.model.contact.SentMessage;
import org.retailcx.journey.model.definition.ActionRequest;
import org.retailcx.platform.events.Outbox;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.journey.ActionRequested;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Turns the actions journeys request into {@code retailcx.journey.action.requested.v1} events, in the step's
 * transaction. A message goes only within the customer's frequency caps and outside quiet hours, in their zone
 * ({@link ContactPolicy}, with the policies in {@code silver.journey_channel_policy}; channel {@code *} holds the
 * caps across all channels): otherwise it is deferred to the earliest instant the rules allow (and checked again
 * then, by {@code JourneyTimers}), or suppressed when the customer opted out. Contact rules read the wall clock: they
 * are about when the customer is reached, not when the event happened. An action id already recorded is a replayed
 * step and queues nothing.
 */
@ApplicationScoped
public class ActionDispatcher {

    /** The channel row whose caps apply across all channels. */
    public static final String ALL_CHANNELS = "*";

    private final Outbox outbox;
    private final ZoneId defaultZone;

    public ActionDispatcher(Outbox outbox,
            @ConfigProperty(name = "retailcx.journey.default-zone", defaultValue = "UTC") ZoneId defaultZone) {
        this.outbox = outbox;
        this.defaultZone = defaultZone;
    }

    /** @return the number of events queued */
    public Uni<Integer> request(SqlConnection tx, String journeyKey, String instanceId, ActionRequest action) {
        if (action.type() == ActionRequest.Type.NEXT_BEST_ACTION) {
            Instant now = Instant.now();
            return record(tx, journeyKey, instanceId, action, "released", null, null, now)
                    .chain(inserted -> inserted ? emit(tx, journeyKey, instanceId, action, now) : zero());
        }
        Instant now = Instant.now();
        return decide(tx, action.customerId(), action.channel(), now).chain(decision -> {
            String status = decision.allowedNow() ? "released" : decision.earliest() == null ? "suppressed" : "deferred";
            return record(tx, journeyKey, instanceId, action, status, decision.earliest(), decision.reason(),
                    decision.allowedNow() ? now : null)
                    .chain(inserted -> inserted && decision.allowedNow()
                            ? emit(tx, journeyKey, instanceId, action, now) : zero());
        });
    }

    /** Releases deferred messages that have fallen due (or defers them again). @return events queued */
    public Uni<Integer> releaseDue(SqlConnection tx, int limit) {
        return tx.preparedQuery("""
                select a.action_id, a.instance_id, a.customer_id, a.journey_id, a.node_id, a.channel, a.content,
                    a.requested_at
                from silver.journey_action a where a.status = 'deferred' and a.due_at <= now()
                order by a.due_at limit $1 for update skip locked""")
                .execute(Tuple.of(limit))
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(r -> release(tx, r))
                        .collect().asList())
                .map(queued -> queued.stream().mapToInt(Integer::intValue).sum());
    }

    private Uni<Integer> release(SqlConnection tx, Row r) {
        ActionRequest action = new ActionRequest(r.getString("action_id"), ActionRequest.Type.MESSAGE,
                r.getString("customer_id"), r.getString("node_id"), r.getString("channel"), r.getString("content"),
                r.getOffsetDateTime("requested_at").toInstant());
        Instant now = Instant.now();
        return decide(tx, action.customerId(), action.channel(), now).chain(decision -> {
            String status = decision.allowedNow() ? "released" : decision.earliest() == null ? "suppressed" : "deferred";
            Uni<RowSet<Row>> update = tx.preparedQuery("""
                    update silver.journey_action set status = $2, due_at = $3, reason = $4, released_at = $5
                    where action_id = $1""").execute(Tuple.of(action.actionId(), status, utc(decision.earliest()),
                    decision.reason(), decision.allowedNow() ? utc(now) : null));
            return update.chain(() -> decision.allowedNow()
                    ? emit(tx, r.getString("journey_id"), r.getString("instance_id"), action, now) : zero());
        });
    }

    /** The contact rules' answer for one message on {@code channel} to the customer at {@code now}. */
    public Uni<ContactDecision> decide(SqlConnection tx, String customerId, String channel, Instant now) {
        Uni<CustomerContactPreferences> preferences = tx.preparedQuery("""
                select time_zone, quiet_hours_start, quiet_hours_end, opted_out_channels
                from silver.journey_customer where customer_id = $1""").execute(Tuple.of(customerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return new CustomerContactPreferences(defaultZone, null, Set.of());
                    }
                    Row c = rows.iterator().next();
                    ZoneId zone = c.getString(0) == null ? defaultZone : ZoneId.of(c.getString(0));
                    LocalTime start = c.getLocalTime(1);
                    LocalTime end = c.getLocalTime(2);
                    return new CustomerContactPreferences(zone, start == null ? null : new QuietHours(start, end),
                            Set.of(c.getArrayOfStrings(3)));
                });
        Uni<List<SentMessage>> history = tx.preparedQuery("""
                select channel, released_at from silver.journey_action
                where customer_id = $1 and status = 'released' and channel is not null
                    and released_at > now() - interval '35 days'""").execute(Tuple.of(customerId))
                .map(rows -> {
                    List<SentMessage> sent = new ArrayList<>();
                    rows.forEach(m -> sent.add(new SentMessage(m.getString(0), m.getOffsetDateTime(1).toInstant())));
                    return sent;
                });
        return preferences.chain(prefs -> history.chain(sent -> policy(tx)
                .map(policy -> policy.decide(channel, prefs, sent, now))));
    }

    private Uni<ContactPolicy> policy(SqlConnection tx) {
        return tx.query("select channel, caps::text, quiet_hours_start, quiet_hours_end "
                + "from silver.journey_channel_policy").execute()
                .map(rows -> {
                    List<ChannelPolicy> channels = new ArrayList<>();
                    List<FrequencyCap> across = List.of();
                    for (Row r : rows) {
                        List<FrequencyCap> caps = caps(r.getString(1));
                        if (r.getString(0).equals(ALL_CHANNELS)) {
                            across = caps;
                        } else {
                            LocalTime start = r.getLocalTime(2);
                            channels.add(new ChannelPolicy(r.getString(0), caps,
                                    start == null ? null : new QuietHours(start, r.getLocalTime(3))));
                        }
                    }
                    return new ContactPolicy(channels, across);
                });
    }

    /** Stored caps: {@code [{"maxMessages": 2, "window": "LOCAL_DAY" | "LOCAL_WEEK" | "ROLLING", "rolling": "PT6H"}]}. */
    static List<FrequencyCap> caps(String json) {
        try {
            List<FrequencyCap> caps = new ArrayList<>();
            for (JsonNode cap : EventJson.mapper().readTree(json)) {
                FrequencyCap.Window window = FrequencyCap.Window.valueOf(cap.get("window").asText());
                caps.add(new FrequencyCap(cap.get("maxMessages").asInt(), window,
                        cap.hasNonNull("rolling") ? java.time.Duration.parse(cap.get("rolling").asText()) : null));
            }
            return caps;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored caps do not parse", e);
        }
    }

    private Uni<Boolean> record(SqlConnection tx, String journeyKey, String instanceId, ActionRequest action,
            String status, Instant dueAt, String reason, Instant releasedAt) {
        return tx.preparedQuery("""
                insert into silver.journey_action (action_id, instance_id, customer_id, journey_id, node_id,
                    action_type, channel, content, requested_at, status, due_at, reason, released_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) on conflict do nothing""")
                .execute(Tuple.from(new Object[] { action.actionId(), instanceId, action.customerId(), journeyKey,
                        action.nodeId(), action.type().name(), action.channel(), action.content(),
                        utc(action.requestedAt()), status, status.equals("deferred") ? utc(dueAt) : null, reason,
                        utc(releasedAt) }))
                .map(rows -> rows.rowCount() == 1);
    }

    private Uni<Integer> emit(SqlConnection tx, String journeyKey, String instanceId, ActionRequest action,
            Instant sendAt) {
        String type = action.type() == ActionRequest.Type.MESSAGE ? "message" : "next-best-action";
        return outbox.append(tx, EventCatalog.JOURNEY_ACTION_REQUESTED, instanceId, action.customerId(),
                new ActionRequested(action.actionId(), instanceId, action.customerId(), journeyKey, action.nodeId(),
                        type, action.channel(), action.content(), utc(action.requestedAt()), utc(sendAt)))
                .replaceWith(1);
    }

    private static Uni<Integer> zero() {
        return Uni.createFrom().item(0);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
