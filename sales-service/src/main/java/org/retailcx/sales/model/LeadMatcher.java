package org.retailcx.sales.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Decides which source leads are the same person: blocking keys (normalised email, normalised phone, last name +
 * date of birth + postal code) and union-find over leads and the golden leads already owning a key. Linear in the
 * number of leads (hash blocking, no pairwise comparison). When a lead links two golden leads, they merge and the
 * older (smaller) golden id survives.
 */
public final class LeadMatcher {

    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String NAME_DOB_POSTAL = "name-dob-postal";
    public static final String NEW = "new";

    private LeadMatcher() {
    }

    /** The identity fields of one source lead, and the golden lead it already belongs to (null when unseen). */
    public record Candidate(String leadId, Long currentGoldenId, String email, String phone, String lastName,
            LocalDate dateOfBirth, String postalCode) {
        public Candidate {
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    /** A source lead of a group and the rule that linked it (NEW when it starts the group or was already in it). */
    public record Member(String leadId, String matchRule) {
    }

    /** A merge of one golden lead into the surviving one, caused by {@code linkingLeadId}. */
    public record Merge(long mergedGoldenId, long survivingGoldenId, String linkingLeadId, String matchRule) {
    }

    /**
     * One resulting person: the golden id it keeps (null = a new golden lead is needed), the golden ids merged
     * into it, and the batch's leads.
     */
    public record Group(Long goldenId, List<Merge> merges, List<Member> members, List<String> keys) {
    }

    /** Match keys of a lead, each prefixed with its rule ("email:..."). Fields too weak to identify give no key. */
    public static List<String> keys(Candidate lead) {
        List<String> keys = new ArrayList<>(3);
        String email = normaliseEmail(lead.email());
        if (email != null) {
            keys.add(EMAIL + ":" + email);
        }
        String phone = normalisePhone(lead.phone());
        if (phone != null) {
            keys.add(PHONE + ":" + phone);
        }
        String lastName = lead.lastName() == null ? "" : lead.lastName().trim().toLowerCase(Locale.ROOT);
        String postal = lead.postalCode() == null ? "" : lead.postalCode().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!lastName.isEmpty() && lead.dateOfBirth() != null && !postal.isEmpty()) {
            keys.add(NAME_DOB_POSTAL + ":" + lastName + "|" + lead.dateOfBirth() + "|" + postal);
        }
        return keys;
    }

    /** Lower-case, trimmed; Gmail ignores dots and "+tags" in the local part, so they are dropped there. */
    public static String normaliseEmail(String email) {
        if (email == null || email.isBlank() || !email.contains("@")) {
            return null;
        }
        String e = email.trim().toLowerCase(Locale.ROOT);
        int at = e.lastIndexOf('@');
        String local = e.substring(0, at);
        String domain = e.substring(at + 1);
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            int plus = local.indexOf('+');
            local = (plus >= 0 ? local.substring(0, plus) : local).replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    /**
     * Digits only, international form: "00" becomes "+", a national number (leading single 0) gets the default
     * country code. Fewer than 7 digits identify nobody.
     */
    public static String normalisePhone(String phone) {
        return normalisePhone(phone, "49");
    }

    public static String normalisePhone(String phone, String defaultCountryCode) {
        if (phone == null) {
            return null;
        }
        String trimmed = phone.trim();
        String digits = trimmed.replaceAll("\\D", "");
        if (trimmed.startsWith("+")) {
            // already international
        } else if (digits.startsWith("00")) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = defaultCountryCode + digits.substring(1);
        } else {
            digits = defaultCountryCode + digits;
        }
        return digits.length() < 7 ? null : "+" + digits;
    }

    /**
     * Groups the batch's leads into persons.
     *
     * @param leads     the batch's leads (newest valid version of each)
     * @param keyOwners the golden lead currently owning each key the leads have (from the match-key table)
     */
    public static List<Group> match(List<Candidate> leads, Map<String, Long> keyOwners) {
        UnionFind sets = new UnionFind();
        Map<String, String> firstHolder = new HashMap<>();
        Map<String, String> linkRule = new HashMap<>();
        Map<String, List<String>> leadKeys = new LinkedHashMap<>();
        for (Candidate lead : leads) {
            String node = "L" + lead.leadId();
            sets.add(node);
            List<String> keys = keys(lead);
            leadKeys.put(lead.leadId(), keys);
            if (lead.currentGoldenId() != null) {
                sets.union(node, "G" + lead.currentGoldenId());
            }
            for (String key : keys) {
                String rule = key.substring(0, key.indexOf(':'));
                Long owner = keyOwners.get(key);
                String other = owner != null ? "G" + owner : firstHolder.putIfAbsent(key, node);
                if (other != null && sets.union(node, other)) {
                    linkRule.putIfAbsent(lead.leadId(), rule);
                }
            }
        }

        Map<String, Group> byRoot = new LinkedHashMap<>();
        Map<String, TreeSet<Long>> goldensByRoot = new HashMap<>();
        for (String node : sets.nodes()) {
            if (node.charAt(0) == 'G') {
                goldensByRoot.computeIfAbsent(sets.find(node), r -> new TreeSet<>()).add(Long.parseLong(node.substring(1)));
            }
        }
        for (Candidate lead : leads) {
            String root = sets.find("L" + lead.leadId());
            TreeSet<Long> goldens = goldensByRoot.getOrDefault(root, new TreeSet<>());
            Group group = byRoot.computeIfAbsent(root, r -> new Group(goldens.isEmpty() ? null : goldens.first(),
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            boolean alreadyThere = lead.currentGoldenId() != null && lead.currentGoldenId().equals(group.goldenId());
            String rule = alreadyThere ? null : linkRule.get(lead.leadId());
            group.members().add(new Member(lead.leadId(), rule == null ? NEW : rule));
            leadKeys.get(lead.leadId()).stream().filter(k -> !group.keys().contains(k)).forEach(group.keys()::add);
        }
        // Merges: every golden id of a group but the oldest, attributed to a lead of the group that linked it.
        for (var entry : byRoot.entrySet()) {
            Group group = entry.getValue();
            TreeSet<Long> goldens = goldensByRoot.getOrDefault(entry.getKey(), new TreeSet<>());
            if (goldens.size() < 2) {
                continue;
            }
            Member linking = group.members().stream().filter(m -> linkRule.containsKey(m.leadId())).findFirst()
                    .orElse(group.members().get(0));
            for (Long merged : goldens.tailSet(group.goldenId(), false)) {
                group.merges().add(new Merge(merged, group.goldenId(), linking.leadId(),
                        linkRule.getOrDefault(linking.leadId(), NEW)));
            }
        }
        return new ArrayList<>(byRoot.values());
    }

    /** Disjoint sets with path halving and union by size. */
    private static final class UnionFind {
        private final Map<String, String> parent = new LinkedHashMap<>();
        private final Map<String, Integer> size = new HashMap<>();

        void add(String node) {
            if (parent.putIfAbsent(node, node) == null) {
                size.put(node, 1);
            }
        }

        String find(String node) {
            add(node);
            String current = node;
            while (!parent.get(current).equals(current)) {
                String grandparent = parent.get(parent.get(current));
                parent.put(current, grandparent);
                current = grandparent;
            }
            return current;
        }

        /** @return true when the two were in different sets */
        boolean union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (ra.equals(rb)) {
                return false;
            }
            if (size.get(ra) < size.get(rb)) {
                String t = ra;
                ra = rb;
                rb = t;
            }
            parent.put(rb, ra);
            size.put(ra, size.get(ra) + size.get(rb));
            return true;
        }

        List<String> nodes() {
            return new ArrayList<>(parent.keySet());
        }
    }
}
