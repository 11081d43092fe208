package org.retailcx.journey.model.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Frequency caps and quiet hours per channel, plus caps across all channels, evaluated in the customer's time
 * zone. {@link #decide} is a pure function of the customer's preferences, their send history and the time.
 */
public final class ContactPolicy {

    /** Each round moves the candidate forward past one rule; a handful of rules settle in a few rounds. */
    private static final int MAX_ROUNDS = 64;

    private final Map<String, ChannelPolicy> channels;
    private final List<FrequencyCap> acrossChannels;

    public ContactPolicy(List<ChannelPolicy> channels, List<FrequencyCap> acrossChannels) {
        Map<String, ChannelPolicy> byChannel = new java.util.HashMap<>();
        for (ChannelPolicy policy : channels) {
            if (byChannel.put(policy.channel(), policy) != null) {
                throw new IllegalArgumentException("channel " + policy.channel() + " has two policies");
            }
        }
        this.channels = Map.copyOf(byChannel);
        this.acrossChannels = List.copyOf(acrossChannels);
    }

    /** May a message on {@code channel} go to this customer at {@code now}, or when next? */
    public ContactDecision decide(String channel, CustomerContactPreferences customer, List<SentMessage> history,
                                  Instant now) {
        if (customer.optedOutChannels().contains(channel)) {
            return new ContactDecision(false, null, "the customer opted out of " + channel);
        }
        ChannelPolicy policy = channels.get(channel);
        QuietHours quiet = customer.quietHours() != null ? customer.quietHours()
                : policy == null ? null : policy.quietHours();
        List<FrequencyCap> channelCaps = policy == null ? List.of() : policy.caps();
        List<Instant> sentOnChannel = sendTimes(history, channel, now);
        List<Instant> sentAnywhere = sendTimes(history, null, now);

        Instant candidate = now;
        List<String> reasons = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant before = candidate;
            if (quiet != null && quiet.isQuietAt(candidate, customer.zone())) {
                candidate = quiet.endAfter(candidate, customer.zone());
                note(reasons, "quiet hours " + quiet.start() + "–" + quiet.end() + " " + customer.zone());
            }
            for (FrequencyCap cap : channelCaps) {
                candidate = apply(cap, sentOnChannel, candidate, customer, reasons, channel);
            }
            for (FrequencyCap cap : acrossChannels) {
                candidate = apply(cap, sentAnywhere, candidate, customer, reasons, "all channels");
            }
            if (candidate.equals(before)) {
                return candidate.equals(now)
                        ? new ContactDecision(true, now, "within every cap and outside quiet hours")
                        : new ContactDecision(false, candidate, String.join("; ", reasons));
            }
        }
        throw new IllegalStateException("contact rules for " + channel + " did not settle");
    }

    private static Instant apply(FrequencyCap cap, List<Instant> sent, Instant candidate,
                                 CustomerContactPreferences customer, List<String> reasons, String scope) {
        Instant released = cap.releaseAfter(sent, candidate, customer.zone());
        if (released.isAfter(candidate)) {
            note(reasons, "cap " + cap + " on " + scope);
            return released;
        }
        return candidate;
    }

    private static void note(List<String> reasons, String reason) {
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
    }

    private static List<Instant> sendTimes(List<SentMessage> history, String channel, Instant now) {
        return history.stream()
                .filter(message -> channel == null || message.channel().equals(channel))
                .map(SentMessage::sentAt)
                .filter(at -> !at.isAfter(now))
                .sorted(Comparator.naturalOrder())
                .toList();
    }
}
