package org.retailcx.recommendation.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses which candidate actions to issue. Expired candidates and those without expected value are dropped; the
 * rest are taken in order of priority tier (1 first), then expected value (propensity × value × business weight,
 * highest first), then action id and channel, so the result does not depend on input order. A candidate is issued
 * while the customer's total and channel caps, minus the contacts already made in the policy window, allow, and once
 * per (customer, action): the same action is not offered on two channels.
 */
public final class NextBestActionArbiter {

    public enum Rejection {
        EXPIRED, NO_EXPECTED_VALUE, ALREADY_ISSUED, CUSTOMER_CAP, CHANNEL_CAP
    }

    /** An issued action with its rank among the customer's issued actions (1 = best). */
    public record IssuedAction(ActionCandidate candidate, int rankForCustomer) {
    }

    public record RejectedAction(ActionCandidate candidate, Rejection reason) {
    }

    public record Arbitration(List<IssuedAction> issued, List<RejectedAction> rejected) {
    }

    /** A contact already made within the policy window. */
    public record PastContact(String customerId, String channel) {
    }

    private static final Comparator<ActionCandidate> ORDER = Comparator.comparingInt(ActionCandidate::priority)
            .thenComparing(Comparator.comparingDouble(ActionCandidate::expectedValue).reversed())
            .thenComparing(ActionCandidate::actionId)
            .thenComparing(ActionCandidate::channel)
            .thenComparing(ActionCandidate::customerId);

    private final ContactPolicy policy;

    public NextBestActionArbiter(ContactPolicy policy) {
        this.policy = policy;
    }

    public Arbitration arbitrate(List<ActionCandidate> candidates, List<PastContact> contactsInWindow, Instant now) {
        Map<String, Integer> byCustomer = new HashMap<>();
        Map<List<String>, Integer> byCustomerChannel = new HashMap<>();
        for (PastContact contact : contactsInWindow) {
            byCustomer.merge(contact.customerId(), 1, Integer::sum);
            byCustomerChannel.merge(List.of(contact.customerId(), contact.channel()), 1, Integer::sum);
        }
        Map<String, Integer> issuedPerCustomer = new HashMap<>();
        Set<List<String>> issuedActions = new HashSet<>();
        List<IssuedAction> issued = new ArrayList<>();
        List<RejectedAction> rejected = new ArrayList<>();
        for (ActionCandidate candidate : candidates.stream().sorted(ORDER).toList()) {
            String customer = candidate.customerId();
            List<String> customerChannel = List.of(customer, candidate.channel());
            Rejection reason = null;
            if (!candidate.expiry().isAfter(now)) {
                reason = Rejection.EXPIRED;
            } else if (candidate.expectedValue() <= 0) {
                reason = Rejection.NO_EXPECTED_VALUE;
            } else if (issuedActions.contains(List.of(customer, candidate.actionId()))) {
                reason = Rejection.ALREADY_ISSUED;
            } else if (byCustomer.getOrDefault(customer, 0) >= policy.perCustomer()) {
                reason = Rejection.CUSTOMER_CAP;
            } else if (byCustomerChannel.getOrDefault(customerChannel, 0) >= policy.channelCap(candidate.channel())) {
                reason = Rejection.CHANNEL_CAP;
            }
            if (reason != null) {
                rejected.add(new RejectedAction(candidate, reason));
                continue;
            }
            byCustomer.merge(customer, 1, Integer::sum);
            byCustomerChannel.merge(customerChannel, 1, Integer::sum);
            issuedActions.add(List.of(customer, candidate.actionId()));
            issued.add(new IssuedAction(candidate, issuedPerCustomer.merge(customer, 1, Integer::sum)));
        }
        return new Arbitration(List.copyOf(issued), List.copyOf(rejected));
    }
}
