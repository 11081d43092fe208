package org.retailcx.synthetic.journey;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Digital steps and marketing touchpoints of the bank's customers (ACC-0000001...) for two journeys, with planted
 * drop-offs journey-service must report as abandonments: an onboarding (started → identity verified → account
 * funded, about 30 % never fund) and a loan application (started → documents uploaded → offer accepted, about 40 %
 * never upload; an accepted offer is a conversion worth the loan). Before each loan application the customer was
 * touched on two to four channels, each touch with a campaign and a cost. Times lie in the two days before
 * {@code now} (touches up to sixty), so a stage's six-hour expected time has run out for whoever stalled.
 */
public final class JourneyGenerator {

    public static final String ONBOARDING = "demo-onboarding";
    public static final String LOAN = "demo-loan-application";
    /** How long a stage may take before a stalled customer counts as abandoned. */
    public static final String STAGE_TIME = "PT6H";

    static final double ONBOARDING_DROP = 0.30;
    static final double LOAN_DROP = 0.40;
    static final String[] CHANNELS = { "email", "paid-search", "social", "branch" };
    static final double[] COST = { 0.05, 1.20, 0.40, 15.00 };
    static final String[] CAMPAIGNS = { "spring-loans", "rate-cut", null };

    /** What was generated: journey-service records in time order, and the plants. */
    public record Journeys(List<Map<String, Object>> events, List<Map<String, Object>> touchpoints,
            Set<String> onboarded, Set<String> neverFunded, Set<String> applied, Set<String> neverUploaded,
            BigDecimal loanValue) {
    }

    private JourneyGenerator() {
    }

    /** The first {@code customers} customers onboard, the last {@code applicants} of them apply for a loan. */
    public static Journeys generate(int customers, int applicants, long seed, OffsetDateTime now) {
        Random random = new Random(seed);
        List<Map<String, Object>> events = new ArrayList<>();
        List<Map<String, Object>> touchpoints = new ArrayList<>();
        Set<String> onboarded = new TreeSet<>();
        Set<String> neverFunded = new TreeSet<>();
        Set<String> applied = new TreeSet<>();
        Set<String> neverUploaded = new TreeSet<>();
        BigDecimal loans = BigDecimal.ZERO;
        for (int c = 1; c <= customers; c++) {
            String customer = String.format("ACC-%07d", c);
            OffsetDateTime t = now.minusHours(47).plusSeconds(random.nextInt(3600 * 12));
            onboarded.add(customer);
            events.add(event("onb-start-" + customer, "app.onboarding.started", customer, t,
                    Map.of("product", "current-account"), null));
            events.add(event("onb-id-" + customer, "app.onboarding.identity-verified", customer,
                    t = t.plusMinutes(5 + random.nextInt(120)), Map.of("method", "selfie"), null));
            if (random.nextDouble() < ONBOARDING_DROP) {
                neverFunded.add(customer);
            } else {
                events.add(event("onb-fund-" + customer, "app.onboarding.funded", customer,
                        t.plusMinutes(10 + random.nextInt(180)), Map.of("amount", 50 + random.nextInt(950)), null));
            }
            if (c > customers - applicants) {
                applied.add(customer);
                OffsetDateTime a = now.minusHours(30).plusSeconds(random.nextInt(3600 * 12));
                int touches = 2 + random.nextInt(3);
                for (int k = 0; k < touches; k++) {
                    int ch = random.nextInt(CHANNELS.length);
                    touchpoints.add(touch("tp-" + customer + "-" + k, customer, CHANNELS[ch],
                            CAMPAIGNS[random.nextInt(CAMPAIGNS.length)],
                            a.minusDays(1 + random.nextInt(59)).minusMinutes(random.nextInt(600)), COST[ch]));
                }
                events.add(event("loan-start-" + customer, "web.loan.application-started", customer, a,
                        Map.of("product", "personal-loan"), null));
                if (random.nextDouble() < LOAN_DROP) {
                    neverUploaded.add(customer);
                } else {
                    a = a.plusMinutes(30 + random.nextInt(240));
                    events.add(event("loan-docs-" + customer, "web.loan.documents-uploaded", customer, a,
                            Map.of("documents", 2 + random.nextInt(3)), null));
                    BigDecimal amount = BigDecimal.valueOf(1000L * (2 + random.nextInt(29)));
                    loans = loans.add(amount);
                    events.add(event("loan-accept-" + customer, "web.loan.offer-accepted", customer,
                            a.plusMinutes(20 + random.nextInt(300)), Map.of("amount", amount), amount));
                }
            }
        }
        Comparator<Map<String, Object>> byTime = Comparator.comparing(e -> (OffsetDateTime) e.get("occurredAt"));
        events.sort(byTime);
        touchpoints.sort(Comparator.comparing(e -> (OffsetDateTime) e.get("touchedAt")));
        return new Journeys(events, touchpoints, onboarded, neverFunded, applied, neverUploaded, loans);
    }

    /** The two journeys as journey-service definitions (JSON). */
    public static Map<String, String> definitions() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ONBOARDING, """
                {"entry": {"eventType": "app.onboarding.started", "condition": "event.product == 'current-account'"},
                 "admitsUnknownCustomers": true, "start": "identity",
                 "nodes": [
                   {"id": "identity", "type": "stage", "name": "Identity", "expectedTime": "%1$s", "next": "await-id"},
                   {"id": "await-id", "type": "wait-for-event", "eventType": "app.onboarding.identity-verified",
                    "timeout": "P7D", "onEvent": "funding", "onTimeout": "lost"},
                   {"id": "funding", "type": "stage", "name": "Funding", "expectedTime": "%1$s", "next": "nudge"},
                   {"id": "nudge", "type": "message", "channel": "email", "template": "fund-your-account",
                    "next": "await-funds"},
                   {"id": "await-funds", "type": "wait-for-event", "eventType": "app.onboarding.funded",
                    "timeout": "P14D", "onEvent": "done", "onTimeout": "lost"},
                   {"id": "done", "type": "end"}, {"id": "lost", "type": "end"}],
                 "goals": [{"name": "account funded", "eventType": "app.onboarding.funded",
                            "condition": "event.amount > 0"}],
                 "reEntry": {"mode": "never"}}""".formatted(STAGE_TIME));
        out.put(LOAN, """
                {"entry": {"eventType": "web.loan.application-started"},
                 "admitsUnknownCustomers": true, "start": "application",
                 "nodes": [
                   {"id": "application", "type": "stage", "name": "Application", "expectedTime": "%1$s",
                    "next": "await-docs"},
                   {"id": "await-docs", "type": "wait-for-event", "eventType": "web.loan.documents-uploaded",
                    "timeout": "P14D", "onEvent": "documents", "onTimeout": "lost"},
                   {"id": "documents", "type": "stage", "name": "Documents", "expectedTime": "%1$s",
                    "next": "await-offer"},
                   {"id": "await-offer", "type": "wait-for-event", "eventType": "web.loan.offer-accepted",
                    "timeout": "P14D", "onEvent": "done", "onTimeout": "lost"},
                   {"id": "done", "type": "end"}, {"id": "lost", "type": "end"}],
                 "goals": [{"name": "offer accepted", "eventType": "web.loan.offer-accepted"}],
                 "reEntry": {"mode": "never"}}""".formatted(STAGE_TIME));
        return out;
    }

    private static Map<String, Object> event(String id, String type, String customer, OffsetDateTime at,
            Map<String, Object> data, BigDecimal conversionValue) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", id);
        e.put("eventType", type);
        e.put("customerId", customer);
        e.put("occurredAt", at);
        e.put("data", data);
        if (conversionValue != null) {
            e.put("conversionValue", conversionValue);
        }
        return e;
    }

    private static Map<String, Object> touch(String id, String customer, String channel, String campaign,
            OffsetDateTime at, double cost) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("touchpointId", id);
        t.put("customerId", customer);
        t.put("channel", channel);
        if (campaign != null) {
            t.put("campaignId", campaign);
        }
        t.put("touchedAt", at);
        t.put("cost", BigDecimal.valueOf(cost));
        return t;
    }
}
