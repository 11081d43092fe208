package org.retailcx.journey.ingest;

import static org.retailcx.platform.medallion.MedallionSource.Column.of;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.DataQualityRule;
import org.retailcx.platform.medallion.EventSource;
import org.retailcx.platform.medallion.MedallionDomain;
import org.retailcx.platform.medallion.MedallionSource;
import org.retailcx.platform.medallion.MedallionSource.Access;
import org.retailcx.platform.security.Roles;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventType;
import org.retailcx.schema.sales.LeadConverted;
import org.retailcx.schema.sales.LeadCreated;
import org.retailcx.schema.sales.LeadScored;

/**
 * What journey-service ingests: events that move journeys (digital steps through the API, other services' domain
 * events from Kafka), customers' contact preferences, marketing touchpoints and the journey definitions it
 * validates. A consumed event's {@code occurredAt} is left empty unless the event carries a full timestamp: the
 * runtime then uses the moment the event reached bronze, so that waits run from when the journey learned of it.
 */
@ApplicationScoped
public class JourneySources implements MedallionDomain {

    /** Machine feeds write; analysts and marketing read the versions. */
    static final Set<String> READERS = Set.of(Roles.MARKETING, Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN);
    static final Access FEED = Access.of(Set.of(Roles.SERVICE, Roles.ADMIN), Set.of(Roles.SERVICE, Roles.ADMIN),
            READERS);

    public static final MedallionSource<JourneyEventRecord> EVENTS = MedallionSource
            .of("events", JourneyEventRecord.class)
            .table("bronze.retail_journey_events").id("eventId", JourneyEventRecord::eventId)
            .access(FEED).defaultSourceSystem("digital").customerColumn("customer_id")
            .rules(List.of(new DataQualityRule("not-in-future", "occurredAt",
                    "b.occurred_at > now() + interval '5 minutes'",
                    "'occurredAt ' || b.occurred_at || ' is in the future'")))
            .columns(of("event_type", JourneyEventRecord::eventType),
                    of("customer_id", JourneyEventRecord::customerId),
                    of("subject_type", "subjectType", JourneyEventRecord::subject),
                    of("occurred_at", JourneyEventRecord::occurredAt),
                    of("data", JourneyEventRecord::data),
                    of("customer_attributes", JourneyEventRecord::customerAttributes),
                    of("conversion_value", JourneyEventRecord::conversionValue))
            .build();

    public static final MedallionSource<CustomerRecord> CUSTOMERS = MedallionSource
            .of("customers", CustomerRecord.class)
            .table("bronze.retail_journey_customers").id("customerId", CustomerRecord::customerId)
            .access(FEED).defaultSourceSystem("crm").customerColumn("customer_id")
            .rules(List.of(
                    new DataQualityRule("time-zone-known", "timeZone",
                            "not exists (select 1 from pg_timezone_names z where z.name = b.time_zone)",
                            "'timeZone ' || b.time_zone || ' is not an IANA time zone'"),
                    new DataQualityRule("quiet-hours-complete", "quietHoursEnd",
                            "(b.quiet_hours_start is null) <> (b.quiet_hours_end is null)"
                                    + " or b.quiet_hours_start = b.quiet_hours_end",
                            "'quiet hours need a start and a different end'")))
            .columns(of("customer_id", CustomerRecord::customerId), of("time_zone", CustomerRecord::timeZone),
                    of("quiet_hours_start", CustomerRecord::quietHoursStart),
                    of("quiet_hours_end", CustomerRecord::quietHoursEnd),
                    of("opted_out_channels", CustomerRecord::optedOutChannels),
                    of("attributes", CustomerRecord::attributes))
            .build();

    public static final MedallionSource<TouchpointRecord> TOUCHPOINTS = MedallionSource
            .of("touchpoints", TouchpointRecord.class)
            .table("bronze.retail_marketing_touchpoints").id("touchpointId", TouchpointRecord::touchpointId)
            .access(FEED).defaultSourceSystem("marketing").customerColumn("customer_id")
            .rules(List.of(
                    new DataQualityRule("cost-non-negative", "cost", "b.cost < 0",
                            "'cost must not be negative, was ' || b.cost"),
                    new DataQualityRule("not-in-future", "touchedAt", "b.touched_at > now() + interval '5 minutes'",
                            "'touchedAt ' || b.touched_at || ' is in the future'")))
            .columns(of("touchpoint_id", TouchpointRecord::touchpointId),
                    of("customer_id", TouchpointRecord::customerId), of("channel", TouchpointRecord::channel),
                    of("campaign_id", TouchpointRecord::campaignId), of("touched_at", TouchpointRecord::touchedAt),
                    of("cost", TouchpointRecord::cost))
            .build();

    /**
     * Definitions as marketing submits them to the definitions resource, which validates each one: the service
     * writes them ({@link org.retailcx.platform.medallion.InternalAppend}), accepted and refused alike.
     */
    public static final MedallionSource<JourneyDefinitionRecord> DEFINITIONS = MedallionSource
            .of("definitions", JourneyDefinitionRecord.class)
            .table("bronze.retail_journey_definitions").id("journeyKey", JourneyDefinitionRecord::recordId)
            .internal(READERS)
            .defaultSourceSystem("api")
            .columns(of("journey_key", JourneyDefinitionRecord::journeyKey),
                    of("version", JourneyDefinitionRecord::version),
                    of("accepted", JourneyDefinitionRecord::accepted),
                    of("problems", JourneyDefinitionRecord::problems))
            .build();

    /**
     * Orchestration rules as marketing puts them to the rules resource, which checks each one (CEL, action): the
     * service writes them, accepted and refused alike; the latest accepted version of a rule is the one that runs.
     */
    public static final MedallionSource<OrchestrationRuleRecord> RULES = MedallionSource
            .of("rules", OrchestrationRuleRecord.class)
            .table("bronze.retail_journey_orchestration_rules").id("ruleId", OrchestrationRuleRecord::ruleId)
            .internal(READERS)
            .defaultSourceSystem("api")
            .columns(of("rule_id", OrchestrationRuleRecord::ruleId),
                    of("journey_type", OrchestrationRuleRecord::journeyType),
                    of("trigger_condition", OrchestrationRuleRecord::triggerCondition),
                    of("action_to_execute", OrchestrationRuleRecord::actionToExecute),
                    of("priority", OrchestrationRuleRecord::priority),
                    of("active_flag", OrchestrationRuleRecord::activeFlag),
                    of("accepted", OrchestrationRuleRecord::accepted),
                    of("problems", OrchestrationRuleRecord::problems))
            .build();

    private static final String SALES = "sales-service";
    private static final String CLV = "clv-service";
    private static final String SENTIMENT = "sentiment-service";
    private static final String RECOMMENDATION = "recommendation-service";

    /**
     * Lead events are about a golden lead (no customer yet): the lead id is the journey subject. A won deal is a
     * conversion (its amount the conversion value); clv's value events tell the customer's decile; sentiment's
     * at-risk and recommendation's issued next-best-action carry their own time.
     */
    static final List<EventSource<?, ?>> CONSUMED = List.of(
            lead(EventCatalog.SALES_LEAD_CREATED, LeadCreated::goldenLeadId),
            lead(EventCatalog.SALES_LEAD_SCORED, LeadScored::goldenLeadId),
            lead(EventCatalog.SALES_LEAD_CONVERTED, LeadConverted::goldenLeadId),
            new EventSource<>(EventCatalog.SALES_OPPORTUNITY_CREATED, EVENTS, SALES,
                    e -> customerEvent(EventCatalog.SALES_OPPORTUNITY_CREATED, e.opportunityId(), e.customerId(), e,
                            null, null, null)),
            new EventSource<>(EventCatalog.SALES_OPPORTUNITY_STAGE_CHANGED, EVENTS, SALES,
                    e -> customerEvent(EventCatalog.SALES_OPPORTUNITY_STAGE_CHANGED, e.opportunityId(),
                            e.customerId(), e, e.changedAt(), null, null)),
            new EventSource<>(EventCatalog.SALES_OPPORTUNITY_CLOSED_LOST, EVENTS, SALES,
                    e -> customerEvent(EventCatalog.SALES_OPPORTUNITY_CLOSED_LOST, e.opportunityId(), e.customerId(),
                            e, null, null, null)),
            new EventSource<>(EventCatalog.SALES_OPPORTUNITY_CLOSED_WON, EVENTS, SALES,
                    e -> customerEvent(EventCatalog.SALES_OPPORTUNITY_CLOSED_WON, e.opportunityId(), e.customerId(),
                            e, null, null, e.amount())),
            new EventSource<>(EventCatalog.CLV_CUSTOMER_VALUE_PREDICTED, EVENTS, CLV,
                    e -> customerEvent(EventCatalog.CLV_CUSTOMER_VALUE_PREDICTED, "v" + e.modelVersion(),
                            e.customerId(), e, null, valueAttributes(e.decile(), e.segment(),
                                    e.predictedClvLifetime()), null)),
            new EventSource<>(EventCatalog.CLV_CUSTOMER_VALUE_DECILE_CHANGED, EVENTS, CLV,
                    e -> customerEvent(EventCatalog.CLV_CUSTOMER_VALUE_DECILE_CHANGED, "v" + e.modelVersion(),
                            e.customerId(), e, null, valueAttributes(e.decile(), null, e.predictedClvLifetime()),
                            null)),
            // a customer at risk of leaving (recovery journeys) and a next-best-action recommendation issued them
            new EventSource<>(EventCatalog.SENTIMENT_CUSTOMER_AT_RISK, EVENTS, SENTIMENT,
                    e -> customerEvent(EventCatalog.SENTIMENT_CUSTOMER_AT_RISK, e.sourceRecordId(), e.customerId(),
                            e, e.occurredAt(), null, null)),
            new EventSource<>(EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_ISSUED, EVENTS, RECOMMENDATION,
                    e -> customerEvent(EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_ISSUED, e.issueId(),
                            e.customerId(), e, e.issuedAt(), null, null)));

    private static <E> EventSource<E, JourneyEventRecord> lead(EventType<E> type, Function<E, String> leadId) {
        return new EventSource<>(type, EVENTS, SALES, e -> new JourneyEventRecord(
                type.type() + "/" + leadId.apply(e), type.type(), leadId.apply(e), JourneyEventRecord.LEAD, null,
                asMap(e), null, null));
    }

    /** {@code aggregate} makes the bronze record id readable ({@code <type>/<customer>/<opportunity>}). */
    private static JourneyEventRecord customerEvent(EventType<?> type, String aggregate, String customerId,
            Object event, OffsetDateTime occurredAt, Map<String, Object> attributes, BigDecimal conversionValue) {
        return new JourneyEventRecord(type.type() + "/" + customerId + "/" + aggregate, type.type(), customerId,
                JourneyEventRecord.CUSTOMER, occurredAt, asMap(event), attributes, conversionValue);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object event) {
        return EventJson.mapper().convertValue(event, Map.class);
    }

    private static Map<String, Object> valueAttributes(int decile, String segment, BigDecimal clv) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("decile", decile);
        if (segment != null) {
            attributes.put("segment", segment);
        }
        if (clv != null) {
            attributes.put("predictedClvLifetime", clv);
        }
        return attributes;
    }

    @Override
    public String domain() {
        return "journey";
    }

    @Override
    public List<MedallionSource<?>> sources() {
        return List.of(EVENTS, CUSTOMERS, TOUCHPOINTS, DEFINITIONS, RULES);
    }

    @Override
    public List<EventSource<?, ?>> eventSources() {
        return CONSUMED;
    }

    @Override
    public Set<String> operatorRoles() {
        return Set.of(Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN);
    }
}
