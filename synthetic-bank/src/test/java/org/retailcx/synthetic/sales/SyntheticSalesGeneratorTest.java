package org.retailcx.synthetic.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retailcx.synthetic.ApiClient;

import com.fasterxml.jackson.databind.JsonNode;

class SyntheticSalesGeneratorTest {

    private static SalesDataset small;

    @BeforeAll
    static void generate() {
        small = SalesOrganisationGenerator.generate(42, SalesScale.SMALL);
    }

    @Test
    void sameSeedAndScaleGiveIdenticalRecords() {
        SalesDataset again = SalesOrganisationGenerator.generate(42, SalesScale.SMALL);
        assertEquals(small, again);
        SalesDataset other = SalesOrganisationGenerator.generate(43, SalesScale.SMALL);
        assertNotEquals(small.opportunities(), other.opportunities());
    }

    @Test
    void countsFollowTheScale() {
        assertEquals(SalesScale.SMALL.opportunities() + SalesDataset.BAD_OPPORTUNITY_IDS.size(),
                distinct(small.opportunities().stream().map(OpportunityRecord::opportunityId).toList()));
        assertEquals(SalesScale.SMALL.activities(), small.activities().size());
        assertEquals(SalesScale.SMALL.reps(), distinct(small.reps().stream().map(RepRecord::repId).toList()));
        assertTrue(small.opportunities().size() > 3 * SalesScale.SMALL.opportunities(), "several versions per deal");

        SalesDataset custom = SalesOrganisationGenerator.generate(7, SalesScale.parse("4:120:1000"));
        assertEquals(120 + 4, distinct(custom.opportunities().stream().map(OpportunityRecord::opportunityId).toList()));
        assertEquals(1000, custom.activities().size());
        assertEquals(4, distinct(custom.reps().stream().map(RepRecord::repId).toList()));
    }

    @Test
    void opportunitiesOnlyMoveForwardInTime() {
        Map<String, List<OpportunityRecord>> byId = versionsById();
        int closedWon = 0;
        int closedLost = 0;
        for (List<OpportunityRecord> versions : byId.values()) {
            assertEquals("Prospecting", versions.get(0).stage());
            for (int i = 1; i < versions.size(); i++) {
                OpportunityRecord prev = versions.get(i - 1);
                OpportunityRecord next = versions.get(i);
                assertTrue(next.updatedAt().isAfter(prev.updatedAt()), next.opportunityId() + " goes back in time");
                assertTrue(rank(next.stage()) >= rank(prev.stage()), next.opportunityId() + " moves backwards");
                assertFalse(rank(prev.stage()) >= 4, next.opportunityId() + " changes after closing");
                assertEquals(prev.createdDate(), next.createdDate());
            }
            String last = versions.get(versions.size() - 1).stage();
            closedWon += last.equals("Closed Won") ? 1 : 0;
            closedLost += last.equals("Closed Lost") ? 1 : 0;
        }
        double winRate = closedWon / (double) (closedWon + closedLost);
        assertTrue(winRate > 0.12 && winRate < 0.40, "win rate " + winRate);
        // Stage-dependent conversion: fewer deals reach each later stage.
        long[] reached = new long[4];
        for (List<OpportunityRecord> versions : byId.values()) {
            int max = versions.stream().mapToInt(v -> Math.min(3, rank(v.stage()))).max().orElse(0);
            for (int s = 0; s <= max; s++) {
                reached[s]++;
            }
        }
        assertTrue(reached[0] > reached[1] && reached[1] > reached[2] && reached[2] > reached[3]);
        assertTrue(small.opportunities().stream().anyMatch(o -> o.lossReason() != null));
        assertTrue(small.opportunities().stream().anyMatch(o -> o.competitiveThreat() != null));
    }

    @Test
    void closeDatesSlip() {
        long slipped = versionsById().values().stream().filter(vs -> vs.stream()
                .map(OpportunityRecord::expectedCloseDate).distinct().count() > 1).count();
        assertTrue(slipped > 100, "slipped deals: " + slipped);
    }

    @Test
    void somePeopleArriveTwiceFromDifferentSourcesTypedDifferently() {
        Map<String, Set<String>> sourcesByPerson = new HashMap<>();
        Map<String, Set<String>> phonesByPerson = new HashMap<>();
        for (LeadRecord l : small.leads()) {
            String key = l.firstName().trim().toLowerCase(Locale.ROOT) + "|" + l.lastName().trim().toLowerCase(Locale.ROOT)
                    + "|" + l.dateOfBirth() + "|" + l.phone().replaceAll("\\D", "").replaceFirst("^1(?=\\d{10}$)", "");
            sourcesByPerson.computeIfAbsent(key, k -> new HashSet<>()).add(l.source());
            phonesByPerson.computeIfAbsent(key, k -> new HashSet<>()).add(l.phone());
        }
        long twice = sourcesByPerson.entrySet().stream()
                .filter(e -> e.getValue().size() > 1 && phonesByPerson.get(e.getKey()).size() > 1).count();
        assertTrue(twice > 50, "people arriving twice: " + twice);
    }

    @Test
    void repsHaveAQuotaPerQuarterAndSomeMoveMidHistory() {
        Map<String, List<RepRecord>> byRep = small.reps().stream()
                .collect(Collectors.groupingBy(RepRecord::repId, LinkedHashMap::new, Collectors.toList()));
        int movers = 0;
        for (List<RepRecord> versions : byRep.values()) {
            Set<String> quarters = versions.stream().map(RepRecord::quotaPeriod).collect(Collectors.toSet());
            assertEquals(7, quarters.size(), "2025-Q2 .. 2026-Q4");
            assertTrue(quarters.stream().allMatch(q -> q.matches("\\d{4}-Q[1-4]")));
            for (int i = 1; i < versions.size(); i++) {
                assertTrue(versions.get(i).effectiveDate().isAfter(versions.get(i - 1).effectiveDate()));
                if (!versions.get(i).territoryId().equals(versions.get(i - 1).territoryId())) {
                    movers++;
                    assertEquals(versions.get(i - 1).quotaPeriod(), versions.get(i).quotaPeriod(), "moved mid-quarter");
                }
            }
        }
        assertEquals(1, movers);
    }

    @Test
    void badRecordsAreWellFormedButInconsistent() {
        Map<String, OpportunityRecord> bad = small.opportunities().stream()
                .filter(o -> SalesDataset.BAD_OPPORTUNITY_IDS.contains(o.opportunityId()))
                .collect(Collectors.toMap(OpportunityRecord::opportunityId, o -> o));
        assertEquals(4, bad.size());
        assertTrue(bad.get("OPP-BAD-AMOUNT").amount().signum() < 0);
        assertEquals(0, bad.get("OPP-BAD-PROBABILITY").probability().compareTo(BigDecimal.valueOf(120)));
        assertFalse(SalesOrganisationGenerator.OPEN_STAGES.contains(bad.get("OPP-BAD-STAGE").stage()));
    }

    @Test
    void reportedCommissionsMostlyMatchThePlanWithAFewDiscrepancies() {
        Map<String, CommissionPlan> plans = small.commissionPlans().stream()
                .collect(Collectors.toMap(CommissionPlan::planId, p -> p));
        Map<String, String> planOfRep = new HashMap<>();
        small.reps().forEach(r -> planOfRep.put(r.repId(), r.commissionPlanId()));
        Map<String, OpportunityRecord> lastVersion = new HashMap<>();
        small.opportunities().forEach(o -> lastVersion.put(o.opportunityId(), o));
        int matching = 0;
        int differing = 0;
        for (CommissionRecord c : small.reportedCommissions()) {
            OpportunityRecord deal = lastVersion.get(c.opportunityId());
            BigDecimal expected = deal.amount().multiply(plans.get(planOfRep.get(c.repId())).rateFor(c.commissionType()))
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            if (deal.stage().equals("Closed Won") && expected.compareTo(c.amount()) == 0) {
                matching++;
            } else {
                differing++;
            }
        }
        assertTrue(differing > 0 && differing < matching / 10, matching + " matching, " + differing + " differing");
    }

    /** Only the bad records break sales-service's data-quality vocabularies. */
    @Test
    void codedValuesAreTheOnesSalesServiceKnows() {
        Set<String> stages = Set.of("Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost");
        Set<String> products = Set.of("checking", "savings", "loan", "card", "investment");
        Set<String> sources = Set.of("Web Form", "Branch", "Call Center", "Referral", "Event");
        small.opportunities().stream().filter(o -> !SalesDataset.BAD_OPPORTUNITY_IDS.contains(o.opportunityId()))
                .forEach(o -> assertTrue(stages.contains(o.stage()) && products.contains(o.productInterest())
                        && sources.contains(o.leadSource()) && o.amount().signum() >= 0, o.toString()));
        small.leads().forEach(l -> assertTrue(sources.contains(l.source()) && products.contains(l.productInterest())
                && Set.of("New", "Working", "Qualified", "Disqualified", "Converted").contains(l.qualificationStatus())));
        small.activities().forEach(a -> assertTrue(SalesOrganisationGenerator.ACTIVITY_TYPES.contains(a.activityType())));
        small.quotes().forEach(q -> assertTrue(Set.of("Draft", "Sent", "Accepted", "Rejected").contains(q.status())));
        small.referrals().forEach(r -> assertTrue(Set.of("Pending", "Contacted", "Converted", "Rejected")
                .contains(r.status())));
        small.costs().forEach(c -> assertTrue(Set.of("sales", "marketing").contains(c.costCategory())));
        small.reportedCommissions().forEach(c -> assertTrue(Set.of("New Account", "Cross-Sell", "Referral")
                .contains(c.commissionType())));
    }

    /** The generator's JSON must use exactly the field names of sales-service's api/*Record types. */
    @Test
    void jsonFieldNamesMatchTheSalesServiceRecords() throws IOException {
        Path api = Path.of("..", "sales-service", "src", "main", "java", "org", "retailcx", "sales", "ingest");
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put("OpportunityRecord", small.opportunities().get(0));
        samples.put("LeadRecord", small.leads().get(0));
        samples.put("ActivityRecord", small.activities().get(0));
        samples.put("QuoteRecord", small.quotes().get(0));
        samples.put("RepRecord", small.reps().get(0));
        samples.put("TerritoryRecord", small.territories().get(small.territories().size() - 1));
        samples.put("CommissionRecord", small.reportedCommissions().get(0));
        samples.put("ReferralRecord", small.referrals().get(0));
        samples.put("CostRecord", small.costs().get(0));
        for (Map.Entry<String, Object> e : samples.entrySet()) {
            List<String> theirs = recordComponents(Files.readString(api.resolve(e.getKey() + ".java")));
            List<String> ours = List.of(e.getValue().getClass().getRecordComponents()).stream()
                    .map(java.lang.reflect.RecordComponent::getName).toList();
            assertEquals(theirs, ours, e.getKey());
            JsonNode json = ApiClient.JSON.valueToTree(e.getValue());
            json.fieldNames().forEachRemaining(f -> assertTrue(theirs.contains(f), e.getKey() + "." + f));
        }
    }

    private static List<String> recordComponents(String source) {
        Matcher header = Pattern.compile("public record \\w+\\((.*?)\\)\\s*\\{", Pattern.DOTALL).matcher(source);
        assertTrue(header.find());
        String params = header.group(1).replaceAll("@\\w+(\\([^)]*\\))?", " ");
        while (params.contains("<")) {
            params = params.replaceAll("<[^<>]*>", "");
        }
        List<String> names = new ArrayList<>();
        Matcher name = Pattern.compile("(\\w+)\\s*(,|$)").matcher(params.trim());
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static Map<String, List<OpportunityRecord>> versionsById() {
        return small.opportunities().stream()
                .filter(o -> !SalesDataset.BAD_OPPORTUNITY_IDS.contains(o.opportunityId()))
                .collect(Collectors.groupingBy(OpportunityRecord::opportunityId, LinkedHashMap::new, Collectors.toList()));
    }

    private static int rank(String stage) {
        int open = SalesOrganisationGenerator.OPEN_STAGES.indexOf(stage);
        return open >= 0 ? open : 4;
    }

    private static int distinct(List<String> ids) {
        return new HashSet<>(ids).size();
    }
}
