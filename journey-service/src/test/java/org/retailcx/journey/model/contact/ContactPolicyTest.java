package org.retailcx.journey.model.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ContactPolicyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    private final ContactPolicy policy = new ContactPolicy(List.of(
            new ChannelPolicy("sms", List.of(FrequencyCap.rolling(2, Duration.ofHours(24))), NIGHT),
            new ChannelPolicy("email", List.of(FrequencyCap.perLocalDay(1)), null),
            new ChannelPolicy("push", List.of(FrequencyCap.perLocalWeek(3)), new QuietHours(
                    LocalTime.of(22, 0), LocalTime.of(2, 30)))),
            List.of(FrequencyCap.perLocalDay(3)));

    private static CustomerContactPreferences in(ZoneId zone) {
        return new CustomerContactPreferences(zone, null, Set.of());
    }

    private static SentMessage sent(String channel, String at) {
        return new SentMessage(channel, Instant.parse(at));
    }

    @Test
    void allowedWhenNoRuleObjects() {
        ContactDecision decision = policy.decide("sms", in(BERLIN), List.of(), Instant.parse("2025-06-02T10:00:00Z"));

        assertTrue(decision.allowedNow());
        assertEquals(Instant.parse("2025-06-02T10:00:00Z"), decision.earliest());
    }

    @Test
    void quietHoursFollowTheCustomersClock() {
        Instant now = Instant.parse("2025-06-02T13:00:00Z"); // 15:00 in Berlin, 22:00 in Tokyo

        ContactDecision berlin = policy.decide("sms", in(BERLIN), List.of(), now);
        ContactDecision tokyo = policy.decide("sms", in(TOKYO), List.of(), now);

        assertTrue(berlin.allowedNow());
        assertFalse(tokyo.allowedNow());
        assertEquals(Instant.parse("2025-06-02T23:00:00Z"), tokyo.earliest()); // 08:00 on the 3rd in Tokyo
        assertTrue(tokyo.reason().contains("quiet hours 21:00–08:00 Asia/Tokyo"), tokyo.reason());
    }

    @Test
    void theCustomersOwnQuietHoursReplaceTheChannels() {
        CustomerContactPreferences lateRiser = new CustomerContactPreferences(BERLIN,
                new QuietHours(LocalTime.of(20, 0), LocalTime.of(10, 0)), Set.of());

        ContactDecision decision = policy.decide("email", lateRiser, List.of(), Instant.parse("2025-06-02T06:00:00Z"));

        assertEquals(Instant.parse("2025-06-02T08:00:00Z"), decision.earliest());
    }

    @Test
    void rollingCapReleasesWhenTheOldestSendLeavesTheWindow() {
        List<SentMessage> history = List.of(sent("sms", "2025-06-01T14:00:00Z"), sent("sms", "2025-06-02T09:00:00Z"));

        ContactDecision decision = policy.decide("sms", in(BERLIN), history, Instant.parse("2025-06-02T10:00:00Z"));

        assertFalse(decision.allowedNow());
        assertEquals(Instant.parse("2025-06-02T14:00:00Z"), decision.earliest());
        assertEquals("cap 2 per PT24H on sms", decision.reason());
    }

    @Test
    void aCapReleasedInsideQuietHoursWaitsForMorning() {
        // Sends at 21:30 on the 1st and 12:00 on the 2nd, Tokyo time: the cap frees at 21:30, quiet until 08:00.
        List<SentMessage> history = List.of(sent("sms", "2025-06-01T12:30:00Z"), sent("sms", "2025-06-02T03:00:00Z"));

        ContactDecision decision = policy.decide("sms", in(TOKYO), history, Instant.parse("2025-06-02T04:00:00Z"));

        assertEquals(Instant.parse("2025-06-02T23:00:00Z"), decision.earliest());
        assertEquals("cap 2 per PT24H on sms; quiet hours 21:00–08:00 Asia/Tokyo", decision.reason());
    }

    @Test
    void theCapAcrossChannelsCountsEveryChannel() {
        List<SentMessage> history = List.of(sent("sms", "2025-06-02T06:00:00Z"), sent("email", "2025-06-02T07:00:00Z"),
                sent("push", "2025-06-02T08:00:00Z"));

        ContactDecision decision = policy.decide("push", in(BERLIN), history, Instant.parse("2025-06-02T12:00:00Z"));

        // Free at Berlin midnight (22:00 UTC), which is inside push's quiet hours until 02:30.
        assertEquals(Instant.parse("2025-06-03T00:30:00Z"), decision.earliest());
        assertEquals("cap 3 per local_day on all channels; quiet hours 22:00–02:30 Europe/Berlin", decision.reason());
    }

    /** 26 October 2025 lasts 25 hours in Berlin: a send at 00:30 still counts at 23:30, 24 hours later. */
    @Test
    void localDayCapOnTheLongDay() {
        List<SentMessage> history = List.of(sent("email", "2025-10-25T22:30:00Z")); // 00:30 CEST on the 26th

        ContactDecision decision = policy.decide("email", in(BERLIN), history, Instant.parse("2025-10-26T22:30:00Z"));

        assertFalse(decision.allowedNow());
        assertEquals(Instant.parse("2025-10-26T23:00:00Z"), decision.earliest()); // 00:00 CET on the 27th
    }

    /** 30 March 2025 lasts 23 hours: midnight after it is 22:00 UTC. */
    @Test
    void localDayCapOnTheShortDay() {
        List<SentMessage> history = List.of(sent("email", "2025-03-29T23:30:00Z")); // 00:30 CET on the 30th

        ContactDecision decision = policy.decide("email", in(BERLIN), history, Instant.parse("2025-03-30T21:30:00Z"));

        assertEquals(Instant.parse("2025-03-30T22:00:00Z"), decision.earliest());
    }

    /** Quiet until 02:30, but the clock jumps from 02:00 to 03:00: sending may start at 03:00 CEST. */
    @Test
    void quietHoursEndingInTheSpringForwardGap() {
        ContactDecision decision = policy.decide("push", in(BERLIN), List.of(), Instant.parse("2025-03-30T00:15:00Z"));

        assertEquals(Instant.parse("2025-03-30T01:00:00Z"), decision.earliest());
    }

    /** The clock shows 02:10 twice on 26 October: both times are inside quiet hours ending 02:30. */
    @Test
    void quietHoursEndingInTheRepeatedHour() {
        ContactDecision firstPass = policy.decide("push", in(BERLIN), List.of(), Instant.parse("2025-10-26T00:10:00Z"));
        ContactDecision betweenPasses = policy.decide("push", in(BERLIN), List.of(),
                Instant.parse("2025-10-26T00:40:00Z"));
        ContactDecision secondPass = policy.decide("push", in(BERLIN), List.of(),
                Instant.parse("2025-10-26T01:10:00Z"));

        assertEquals(Instant.parse("2025-10-26T00:30:00Z"), firstPass.earliest());
        assertTrue(betweenPasses.allowedNow());
        assertEquals(Instant.parse("2025-10-26T01:30:00Z"), secondPass.earliest());
    }

    @Test
    void weeklyCapRunsMondayToSundayLocally() {
        List<SentMessage> history = List.of(sent("push", "2025-06-02T08:00:00Z"), sent("push", "2025-06-04T08:00:00Z"),
                sent("push", "2025-06-06T08:00:00Z"));

        ContactDecision decision = policy.decide("push", in(BERLIN), history, Instant.parse("2025-06-07T12:00:00Z"));

        // The week turns at Monday 00:00 CEST (22:00 UTC Sunday); push stays quiet until 02:30.
        assertEquals(Instant.parse("2025-06-09T00:30:00Z"), decision.earliest());
        assertEquals("cap 3 per local_week on push; quiet hours 22:00–02:30 Europe/Berlin", decision.reason());
    }

    @Test
    void optedOutMeansNever() {
        CustomerContactPreferences noSms = new CustomerContactPreferences(BERLIN, null, Set.of("sms"));

        ContactDecision decision = policy.decide("sms", noSms, List.of(), Instant.parse("2025-06-02T10:00:00Z"));

        assertFalse(decision.allowedNow());
        assertNull(decision.earliest());
    }
}
