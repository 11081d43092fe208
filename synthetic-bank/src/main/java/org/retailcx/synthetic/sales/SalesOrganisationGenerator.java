package org.retailcx.synthetic.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a believable retail-bank sales organisation over ~18 months: regions and territories, reps in teams
 * (a few move mid-history), leads from five sources (some people arrive twice), opportunities moving through the
 * stages with stage-dependent conversion and slipping close dates, activities, quotes, referrals, monthly costs and
 * the commissions a compensation system reported (with a few deliberate discrepancies), plus a handful of
 * well-formed but inconsistent records silver must quarantine.
 * <p>
 * One {@link SplittableRandom} seeded with the seed drives everything in a fixed order, so the same seed and scale
 * (and as-of date) always give the identical dataset.
 */
public final class SalesOrganisationGenerator {

    /** The default end of the generated history: fixed, so that a seed alone reproduces the data. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 20);
    public static final int HISTORY_MONTHS = 18;
    public static final String CURRENCY = "USD";

    public static final String PROSPECTING = "Prospecting";
    public static final String QUALIFICATION = "Qualification";
    public static final String PROPOSAL = "Proposal";
    public static final String NEGOTIATION = "Negotiation";
    public static final String CLOSED_WON = "Closed Won";
    public static final String CLOSED_LOST = "Closed Lost";
    /** Open stages in order; an opportunity never moves backwards. */
    public static final List<String> OPEN_STAGES = List.of(PROSPECTING, QUALIFICATION, PROPOSAL, NEGOTIATION);
    private static final double[] ADVANCE = { 0.62, 0.70, 0.68, 0.72 };
    private static final double[] MEAN_DAYS_IN_STAGE = { 10, 14, 18, 12 };
    private static final int[] STAGE_PROBABILITY = { 10, 25, 50, 75 };
    private static final double NEUTRAL_PROPENSITY = 0.35;

    public static final List<String> PRODUCTS = List.of("checking", "savings", "loan", "card", "investment");
    private static final double[] PRODUCT_WEIGHTS = { 0.28, 0.24, 0.20, 0.18, 0.10 };
    public static final List<String> LEAD_SOURCES = List.of("Web Form", "Branch", "Call Center", "Referral", "Event");
    private static final double[] LEAD_SOURCE_WEIGHTS = { 0.34, 0.22, 0.19, 0.15, 0.10 };
    private static final double[] LEAD_SOURCE_EFFECT = { -0.45, 0.45, 0.0, 1.0, -0.2 };
    public static final List<String> ACTIVITY_TYPES = List.of("Call", "Email", "Meeting", "Demo", "Proposal Sent");
    private static final double[] ACTIVITY_WEIGHTS = { 0.40, 0.33, 0.16, 0.11 };
    private static final List<String> LOSS_REASONS = List.of("Price", "Competitor", "No Decision", "Timing",
            "Credit Declined", "Product Fit");
    private static final List<String> THREATS = List.of("Chase", "Local Credit Union", "Online Bank", "Fintech App",
            "Wells Fargo");
    private static final List<String> DISQUALIFICATION = List.of("No Budget", "Not Interested", "Unreachable",
            "Outside Footprint", "Credit Risk");
    private static final List<String> REGIONS = List.of("North", "South", "East", "West");
    private static final List<String> FIRST = List.of("James", "Mary", "Robert", "Patricia", "John", "Jennifer",
            "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
            "Thomas", "Sarah", "Carlos", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Sandra", "Mark",
            "Ashley", "Wei", "Priya", "Ahmed", "Fatima", "Kenji", "Sofia", "Luis", "Olga", "Noah", "Emma", "Liam", "Ava");
    private static final List<String> LAST = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
            "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
            "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
            "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Nguyen",
            "Patel", "Kim", "Chen");
    private static final List<String> EMAIL_DOMAINS = List.of("example.com", "example.org", "mail.example.net");

    private final long seed;
    private final SalesScale scale;
    private final LocalDate asOf;
    private final LocalDate start;
    private final SplittableRandom rnd;

    private final List<Territory> territoryList = new ArrayList<>();
    private final List<Rep> repList = new ArrayList<>();
    private final List<Campaign> campaigns = new ArrayList<>();
    private final List<CommissionPlan> plans = new ArrayList<>();
    private final List<String> existingCustomers = new ArrayList<>();
    private final List<TerritoryRecord> territories = new ArrayList<>();
    private final List<RepRecord> reps = new ArrayList<>();
    private final List<LeadRecord> leads = new ArrayList<>();
    private final List<OpportunityRecord> opportunities = new ArrayList<>();
    private final List<ActivityRecord> activities = new ArrayList<>();
    private final List<QuoteRecord> quotes = new ArrayList<>();
    private final List<ReferralRecord> referrals = new ArrayList<>();
    private final List<CostRecord> costs = new ArrayList<>();
    private final List<CommissionRecord> commissions = new ArrayList<>();
    /** Opportunities whose activities are generated after all of them exist (to hit the exact activity count). */
    private final List<Opp> opps = new ArrayList<>();
    private final List<LeadRecord> openLeads = new ArrayList<>();
    private int accountSeq;
    private int quoteSeq;

    private SalesOrganisationGenerator(long seed, SalesScale scale, LocalDate asOf) {
        this.seed = seed;
        this.scale = scale;
        this.asOf = asOf;
        this.start = asOf.minusMonths(HISTORY_MONTHS).withDayOfMonth(1);
        this.rnd = new SplittableRandom(seed);
    }

    public static SalesDataset generate(long seed, SalesScale scale) {
        return generate(seed, scale, DEFAULT_AS_OF);
    }

    public static SalesDataset generate(long seed, SalesScale scale, LocalDate asOf) {
        return new SalesOrganisationGenerator(seed, scale, asOf).run();
    }

    private SalesDataset run() {
        commissionPlans();
        campaigns();
        organisation();
        for (int i = 0; i < 300 + scale.opportunities() / 20; i++) {
            existingCustomers.add(String.format("ACC-%07d", ++accountSeq));
        }
        leadsAndOpportunities();
        activities();
        reportedCommissions();
        costs();
        badRecords();
        Comparator<OpportunityRecord> oppOrder = Comparator.comparing(OpportunityRecord::updatedAt);
        opportunities.sort(oppOrder);
        leads.sort(Comparator.comparing(LeadRecord::updatedAt));
        reps.sort(Comparator.comparing(RepRecord::updatedAt));
        activities.sort(Comparator.comparing(ActivityRecord::updatedAt));
        quotes.sort(Comparator.comparing(QuoteRecord::updatedAt));
        referrals.sort(Comparator.comparing(ReferralRecord::updatedAt));
        return new SalesDataset(seed, scale, start, asOf, List.copyOf(plans), List.copyOf(campaigns),
                List.copyOf(territories), List.copyOf(reps), List.copyOf(leads), List.copyOf(opportunities),
                List.copyOf(activities), List.copyOf(quotes), List.copyOf(referrals), List.copyOf(costs),
                List.copyOf(commissions));
    }

    // ------------------------------------------------------------------ reference data

    private void commissionPlans() {
        plans.add(plan("PLAN-CORE", "Core consumer banking", "0.0100", "0.0070", "0.0120"));
        plans.add(plan("PLAN-SENIOR", "Senior relationship managers", "0.0120", "0.0090", "0.0150"));
        plans.add(plan("PLAN-LENDING", "Lending specialists", "0.0080", "0.0060", "0.0100"));
    }

    private static CommissionPlan plan(String id, String name, String newAccount, String crossSell, String referral) {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        rates.put("New Account", new BigDecimal(newAccount));
        rates.put("Cross-Sell", new BigDecimal(crossSell));
        rates.put("Referral", new BigDecimal(referral));
        return new CommissionPlan(id, name, Map.copyOf(rates), new BigDecimal("1.50"), 90);
    }

    private void campaigns() {
        String[][] specs = { { "Spring Savings Boost", "savings", "Email" }, { "Home Loan Rate Event", "loan", "Event" },
                { "Cashback Card Launch", "card", "Digital" }, { "Student Checking", "checking", "Branch" },
                { "Wealth Starter", "investment", "Digital" }, { "Switch Your Bank", "checking", "Digital" },
                { "Holiday Card Offer", "card", "Email" }, { "Auto Loan Summer", "loan", "Radio" } };
        YearMonth first = YearMonth.from(start);
        int months = HISTORY_MONTHS + 1;
        for (int i = 0; i < specs.length; i++) {
            YearMonth s = first.plusMonths((long) i * months / specs.length);
            YearMonth e = s.plusMonths(2 + rnd.nextInt(3));
            campaigns.add(new Campaign(String.format("CMP-%s-%02d", s.getYear(), i + 1), specs[i][0], specs[i][1],
                    specs[i][2], s, e, (int) (roundTo(4_000 + rnd.nextInt(20_000), 500) * spendFactor())));
        }
    }

    /** Spend grows with the organisation, so CAC stays in a believable range at every scale. */
    private double spendFactor() {
        return Math.max(1.0, scale.opportunities() / 2_000.0);
    }

    private void organisation() {
        int territoryCount = Math.max(2, (scale.reps() + 1) / 2);
        int regionCount = Math.min(REGIONS.size(), Math.max(2, territoryCount / 3));
        OffsetDateTime created = at(start.minusDays(30), 9);
        for (int r = 0; r < regionCount; r++) {
            String region = REGIONS.get(r);
            territories.add(new TerritoryRecord("TER-" + region.toUpperCase(Locale.ROOT), region + " Region", region,
                    null, List.of(), List.of(), null, created));
        }
        int zip = 10_000 + rnd.nextInt(5_000);
        for (int t = 0; t < territoryCount; t++) {
            String region = REGIONS.get(t % regionCount);
            List<String> zips = new ArrayList<>();
            for (int z = 0; z < 4 + rnd.nextInt(5); z++) {
                zips.add(String.format("%05d", zip += 1 + rnd.nextInt(40)));
            }
            List<String> branches = new ArrayList<>();
            for (int b = 0; b < 1 + rnd.nextInt(3); b++) {
                branches.add(String.format("BR-%03d", t * 3 + b + 1));
            }
            territoryList.add(new Territory(String.format("TER-%s-%02d", region.substring(0, 1), t / regionCount + 1),
                    region, List.copyOf(zips), List.copyOf(branches)));
        }
        // Quarterly quota near what a rep's share of the won pipeline turns out to be (attainment ~60-140 %).
        // About a fifth of the deals are won, at ~34k on average across the product mix.
        double wonPerRepQuarter = scale.opportunities() / (double) scale.reps() / (HISTORY_MONTHS / 3.0) * 0.21 * 34_000;
        for (int i = 0; i < scale.reps(); i++) {
            Territory territory = territoryList.get(i % territoryList.size());
            int teamNo = i / (regionCount * 5);
            String team = territory.region + " Consumer " + (teamNo + 1);
            CommissionPlan plan = plans.get(i % 7 == 3 ? 1 : i % 5 == 4 ? 2 : 0);
            String first = pick(FIRST);
            String last = pick(LAST);
            LocalDate hire = start.minusDays(60 + rnd.nextInt(2_500));
            Rep rep = new Rep(String.format("REP-%04d", i + 1), String.format("E%05d", 10_001 + i), first + " " + last,
                    hire, plan, BigDecimal.valueOf(roundTo(wonPerRepQuarter * (0.75 + rnd.nextDouble() * 0.5), 5_000)));
            rep.moves.add(new RepPosition(start, territory, team));
            repList.add(rep);
        }
        // The first rep of each team leads it.
        Map<String, String> leaders = new LinkedHashMap<>();
        for (Rep rep : repList) {
            leaders.putIfAbsent(rep.moves.get(0).team, rep.id);
        }
        // A few reps move to another territory and team mid-history (a new SCD2 version).
        int movers = Math.max(1, scale.reps() / 10);
        for (int m = 0; m < movers; m++) {
            Rep rep = repList.get((m * 7 + 1) % repList.size());
            if (rep.moves.size() > 1) {
                continue;
            }
            Rep other = repList.get((m * 7 + 1 + repList.size() / 2) % repList.size());
            RepPosition to = other.moves.get(0);
            if (to.territory == rep.moves.get(0).territory) {
                to = repList.get((m * 7 + 2) % repList.size()).moves.get(0);
            }
            LocalDate when = start.plusDays(180 + rnd.nextInt(180));
            if (when.getDayOfMonth() == 1) {
                when = when.plusDays(1);
            }
            rep.moves.add(new RepPosition(when, to.territory, to.team));
        }
        for (Territory t : territoryList) {
            String assigned = repList.stream().filter(r -> r.moves.get(0).territory == t).map(r -> r.id).findFirst()
                    .orElse(null);
            territories.add(new TerritoryRecord(t.id, t.region + " " + t.id.substring(t.id.length() - 2), t.region,
                    "TER-" + t.region.toUpperCase(Locale.ROOT), t.zips, t.branches, assigned, created));
        }
        // One version per quarter (that quarter's quota, quotaPeriod = its label such as 2026-Q4, set a week
        // before it starts) and one more on the day a rep moves.
        for (Rep rep : repList) {
            LocalDate quarter = quarterStart(start);
            while (!quarter.isAfter(asOf)) {
                LocalDate from = quarter.isBefore(start) ? start : quarter;
                BigDecimal quota = BigDecimal.valueOf(roundTo(rep.quota.doubleValue() * (0.9 + rnd.nextDouble() * 0.2),
                        5_000));
                String label = quarter.getYear() + "-Q" + ((quarter.getMonthValue() - 1) / 3 + 1);
                reps.add(repVersion(rep, rep.positionAt(from), leaders, quota, label, from,
                        at(from.minusDays(7), 8)));
                for (RepPosition p : rep.moves.subList(1, rep.moves.size())) {
                    if (p.from.isAfter(from) && p.from.isBefore(quarter.plusMonths(3))) {
                        reps.add(repVersion(rep, p, leaders, quota, label, p.from, at(p.from, 8)));
                    }
                }
                quarter = quarter.plusMonths(3);
            }
        }
    }

    private RepRecord repVersion(Rep rep, RepPosition p, Map<String, String> leaders, BigDecimal quota, String period,
            LocalDate effective, OffsetDateTime updatedAt) {
        String leader = leaders.get(p.team);
        return new RepRecord(rep.id, rep.employeeId, rep.name, email(rep.name, "." + rep.employeeId.substring(1), "bank.example"), p.territory.id,
                p.team, rep.id.equals(leader) ? null : leader, quota, period, rep.plan.rateFor("New Account"),
                rep.plan.planId(), true, rep.hire, effective, updatedAt);
    }

    private static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    // ------------------------------------------------------------------ leads and opportunities

    private void leadsAndOpportunities() {
        int fromLeads = (int) Math.round(scale.opportunities() * 0.75);
        int leadSeq = 0;
        int oppSeq = 0;
        // Leads until two weeks before the as-of date (their deals open within 14 days), direct deals until the day before.
        long spanDays = ChronoUnit.DAYS.between(start, asOf.minusDays(15));
        // Leads arrive in time order until enough of them have converted.
        List<LocalDate> leadDates = new ArrayList<>();
        while (oppSeq < fromLeads) {
            LocalDate created = start.plusDays(rnd.nextLong(spanDays));
            leadDates.add(created);
            Person person = person();
            int source = weighted(LEAD_SOURCE_WEIGHTS);
            String product = PRODUCTS.get(weighted(PRODUCT_WEIGHTS));
            Campaign campaign = campaignFor(created, product);
            Map<String, Object> attributes = attributes();
            double logit = -1.05 + LEAD_SOURCE_EFFECT[source] + ((Boolean) attributes.get("existingCustomer") ? 0.6 : 0)
                    + 0.09 * ((Integer) attributes.get("webVisits") - 4) + (campaign != null ? 0.25 : 0)
                    + incomeEffect((String) attributes.get("incomeBand"));
            double propensity = 1 / (1 + Math.exp(-logit));
            boolean converts = rnd.nextDouble() < propensity;
            String leadId = String.format("LEAD-%07d", ++leadSeq);
            Territory territory = territoryList.get(rnd.nextInt(territoryList.size()));
            Rep rep = repIn(territory, created);
            String sourceName = LEAD_SOURCES.get(source);
            OffsetDateTime t0 = at(created, 8 + rnd.nextInt(10));
            LeadRecord first = new LeadRecord(leadId, person.first, person.last, person.email, person.phone, person.dob,
                    pick(territory.zips), consent(leadId), sourceName, id(campaign), product, null, null, "New", null, rep.id,
                    created.plusDays(rnd.nextInt(2)), created, null, attributes, t0);
            leads.add(first);
            String referrer = sourceName.equals("Referral") ? pick(existingCustomers) : null;
            if (converts) {
                LocalDate oppCreated = created.plusDays(1 + rnd.nextInt(14));
                String oppId = String.format("OPP-%07d", ++oppSeq);
                String account = String.format("ACC-%07d", ++accountSeq);
                Opp opp = opportunity(oppId, account, leadId, rep, oppCreated, product, sourceName, id(campaign),
                        referrer != null ? "Referral" : (Boolean) attributes.get("existingCustomer") ? "Cross-Sell"
                                : "New Account", propensity);
                leads.add(withStatus(first, "Converted", null, oppId, at(oppCreated, 8).minusMinutes(5)));
                if (referrer != null) {
                    referral(referrer, person, leadId, opp, created);
                }
            } else {
                LocalDate resolved = created.plusDays(3 + rnd.nextInt(40));
                if (resolved.isBefore(asOf)) {
                    leads.add(withStatus(first, "Disqualified", pick(DISQUALIFICATION), null, at(resolved, 11)));
                } else {
                    openLeads.add(first);
                }
                if (referrer != null) {
                    referral(referrer, person, leadId, null, created);
                }
            }
            // Some people arrive twice, from another source, typed differently.
            if (rnd.nextDouble() < 0.05) {
                LocalDate again = created.plusDays(1 + rnd.nextInt(30));
                if (again.isBefore(asOf)) {
                    int otherSource = (source + 1 + rnd.nextInt(LEAD_SOURCES.size() - 1)) % LEAD_SOURCES.size();
                    Person twin = person.retyped();
                    String dupId = String.format("LEAD-%07d", ++leadSeq);
                    LeadRecord dup = new LeadRecord(dupId, twin.first, twin.last,
                            twin.email, twin.phone, twin.dob, first.postalCode(), consent(dupId), LEAD_SOURCES.get(otherSource),
                            null, product, null, null, "New", null, repIn(territory, again).id, again, again, null,
                            attributes(), at(again, 9 + rnd.nextInt(8)));
                    leads.add(dup);
                    openLeads.add(dup);
                }
            }
        }
        // Cross-sell to existing customers, straight from the branch or call center.
        while (oppSeq < scale.opportunities()) {
            LocalDate created = start.plusDays(rnd.nextLong(ChronoUnit.DAYS.between(start, asOf)));
            Territory territory = territoryList.get(rnd.nextInt(territoryList.size()));
            Rep rep = repIn(territory, created);
            String product = PRODUCTS.get(weighted(PRODUCT_WEIGHTS));
            opportunity(String.format("OPP-%07d", ++oppSeq), pick(existingCustomers), null, rep, created, product,
                    rnd.nextBoolean() ? "Branch" : "Call Center", null, "Cross-Sell", NEUTRAL_PROPENSITY);
        }
    }

    /**
     * Contact consent as a CRM records it: given by about 60 % of leads, refused by 25 %, unknown for the rest. From
     * the lead id rather than the random stream, so every other generated figure stays as it was.
     */
    private static Boolean consent(String leadId) {
        int bucket = Math.floorMod(leadId.hashCode() * 31 + 7, 100);
        return bucket < 60 ? Boolean.TRUE : bucket < 85 ? Boolean.FALSE : null;
    }

    private LeadRecord withStatus(LeadRecord l, String status, String reason, String oppId, OffsetDateTime when) {
        return new LeadRecord(l.leadId(), l.firstName(), l.lastName(), l.email(), l.phone(), l.dateOfBirth(),
                l.postalCode(), l.contactConsent(), l.source(), l.campaignId(), l.productInterest(), l.leadScore(),
                l.leadGrade(), status, reason, l.assignedSalesRep(), l.assignmentDate(), l.createdDate(), oppId, l.attributes(), when);
    }

    private Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("ageBand", pick(List.of("18-24", "25-34", "35-44", "45-54", "55-64", "65+")));
        a.put("incomeBand", pick(List.of("<35k", "35-60k", "60-100k", "100-150k", "150k+")));
        a.put("existingCustomer", rnd.nextDouble() < 0.3);
        a.put("webVisits", rnd.nextInt(13));
        a.put("emailOpens", rnd.nextInt(8));
        a.put("device", pick(List.of("mobile", "desktop", "tablet")));
        return a;
    }

    private static double incomeEffect(String band) {
        return switch (band) {
            case "<35k" -> -0.4;
            case "35-60k" -> -0.1;
            case "100-150k" -> 0.25;
            case "150k+" -> 0.4;
            default -> 0;
        };
    }

    private Campaign campaignFor(LocalDate date, String product) {
        for (Campaign c : campaigns) {
            if (c.activeIn(YearMonth.from(date)) && (c.product().equals(product) || rnd.nextDouble() < 0.15)
                    && rnd.nextDouble() < 0.6) {
                return c;
            }
        }
        return null;
    }

    /**
     * Simulates one opportunity's life and appends its versions (and quotes) in time order. The lead's propensity
     * (what made it convert) also helps at every stage, so a lead-scoring model can learn who ends up a customer.
     */
    private Opp opportunity(String oppId, String account, String leadId, Rep rep, LocalDate created, String product,
            String leadSource, String campaignId, String commissionType, double propensity) {
        double edge = (propensity - NEUTRAL_PROPENSITY) * 0.6;
        BigDecimal amount = amount(product);
        int cycle = (int) (MEAN_DAYS_IN_STAGE[0] + MEAN_DAYS_IN_STAGE[1] + MEAN_DAYS_IN_STAGE[2] + MEAN_DAYS_IN_STAGE[3]);
        LocalDate expectedClose = created.plusDays(cycle / 2 + rnd.nextInt(cycle));
        OffsetDateTime t = at(created, 9 + rnd.nextInt(8));
        String threat = null;
        Opp opp = new Opp(oppId, account, leadId, rep, created, product, commissionType);
        List<OpportunityRecord> versions = new ArrayList<>();
        int stage = 0;
        versions.add(version(opp, PROSPECTING, amount, prob(0), expectedClose, leadSource, campaignId, null, null, t));
        String outcome = null;
        OffsetDateTime quoteAt = null;
        while (outcome == null) {
            OffsetDateTime next = t.plusMinutes((long) ((2 + exponential(MEAN_DAYS_IN_STAGE[stage])) * 24 * 60));
            // Mid-stage edits: the amount is re-estimated, or the close date slips.
            if (rnd.nextDouble() < 0.35) {
                OffsetDateTime mid = t.plus(ChronoUnit.MINUTES.between(t, next) / 2, ChronoUnit.MINUTES);
                if (mid.toLocalDate().isAfter(asOf)) {
                    break;
                }
                if (rnd.nextBoolean()) {
                    amount = amount.multiply(BigDecimal.valueOf(0.8 + rnd.nextDouble() * 0.35))
                            .setScale(2, RoundingMode.HALF_UP);
                } else {
                    expectedClose = expectedClose.plusDays(rnd.nextDouble() < 0.8 ? 14 + rnd.nextInt(32)
                            : -(3 + rnd.nextInt(10)));
                }
                versions.add(version(opp, OPEN_STAGES.get(stage), amount, prob(stage), expectedClose, leadSource,
                        campaignId, threat, null, mid));
            }
            if (next.toLocalDate().isAfter(asOf)) {
                break;
            }
            t = next;
            if (expectedClose.isBefore(t.toLocalDate())) {
                expectedClose = t.toLocalDate().plusDays(14 + rnd.nextInt(32));
            }
            if (stage >= 1 && threat == null && rnd.nextDouble() < 0.12) {
                threat = pick(THREATS);
            }
            if (rnd.nextDouble() < Math.max(0.3, Math.min(0.95, ADVANCE[stage] + edge))) {
                if (stage == OPEN_STAGES.size() - 1) {
                    outcome = CLOSED_WON;
                    versions.add(version(opp, CLOSED_WON, amount, BigDecimal.valueOf(100), t.toLocalDate(),
                            leadSource, campaignId, threat, null, t));
                } else {
                    stage++;
                    if (stage == 2) {
                        quoteAt = t;
                    }
                    versions.add(version(opp, OPEN_STAGES.get(stage), amount, prob(stage), expectedClose, leadSource,
                            campaignId, threat, null, t));
                }
            } else {
                outcome = CLOSED_LOST;
                String reason = threat != null && rnd.nextDouble() < 0.6 ? "Competitor" : pick(LOSS_REASONS);
                versions.add(version(opp, CLOSED_LOST, amount, BigDecimal.ZERO, t.toLocalDate(), leadSource,
                        campaignId, threat, reason, t));
            }
        }
        opportunities.addAll(versions);
        opp.stageReached = stage;
        opp.outcome = outcome;
        opp.end = outcome != null ? t : at(asOf, 18);
        opp.amount = amount;
        if (quoteAt != null) {
            quotes(opp, quoteAt, amount);
        }
        opps.add(opp);
        return opp;
    }

    private OpportunityRecord version(Opp o, String stage, BigDecimal amount, BigDecimal probability, LocalDate close,
            String leadSource, String campaignId, String threat, String lossReason, OffsetDateTime at) {
        return new OpportunityRecord(o.id, o.account, o.leadId, o.rep.id, stage, amount, CURRENCY, probability, close,
                o.product, leadSource, campaignId, threat, lossReason, o.created, at);
    }

    private BigDecimal prob(int stage) {
        return BigDecimal.valueOf(Math.max(5, Math.min(95, STAGE_PROBABILITY[stage] + rnd.nextInt(11) - 5)));
    }

    /** Deal size by product: opening balance, credit line or principal, log-normally spread. */
    private BigDecimal amount(String product) {
        double median = switch (product) {
            case "checking" -> 4_000;
            case "savings" -> 18_000;
            case "loan" -> 85_000;
            case "card" -> 7_500;
            default -> 60_000;
        };
        double value = median * Math.exp(rnd.nextGaussian() * 0.6);
        return BigDecimal.valueOf(roundTo(value, 50)).setScale(2, RoundingMode.UNNECESSARY);
    }

    private void quotes(Opp opp, OffsetDateTime at, BigDecimal amount) {
        int count = rnd.nextDouble() < 0.3 ? 2 : 1;
        OffsetDateTime issued = at.plusHours(2);
        for (int q = 0; q < count; q++) {
            boolean last = q == count - 1;
            String id = String.format("QUO-%07d", ++quoteSeq);
            BigDecimal rate = rate(opp.product);
            BigDecimal quoted = last ? amount : amount.multiply(BigDecimal.valueOf(0.9)).setScale(2, RoundingMode.HALF_UP);
            LocalDate day = issued.toLocalDate();
            String terms = termsFor(opp.product);
            quotes.add(new QuoteRecord(id, opp.id, opp.product, quoted, rate, CURRENCY, "Draft", day, day.plusDays(30),
                    terms, issued));
            String status = !last ? "Rejected" : CLOSED_WON.equals(opp.outcome) ? "Accepted"
                    : CLOSED_LOST.equals(opp.outcome) ? "Rejected" : "Sent";
            OffsetDateTime sent = issued.plusHours(20);
            if (!sent.toLocalDate().isAfter(asOf)) {
                quotes.add(new QuoteRecord(id, opp.id, opp.product, quoted, rate, CURRENCY, "Sent", day,
                        day.plusDays(30), terms, sent));
            }
            OffsetDateTime settled = opp.outcome != null ? opp.end.minusHours(1) : null;
            if (!status.equals("Sent") && settled != null && settled.isAfter(sent)) {
                quotes.add(new QuoteRecord(id, opp.id, opp.product, quoted, rate, CURRENCY, status, day,
                        day.plusDays(30), terms, last ? settled : sent.plusDays(2)));
            }
            issued = issued.plusDays(3);
        }
    }

    private BigDecimal rate(String product) {
        double r = switch (product) {
            case "loan" -> 5.5 + rnd.nextDouble() * 3.5;
            case "savings" -> 2.5 + rnd.nextDouble() * 2.0;
            case "card" -> 18 + rnd.nextDouble() * 8;
            case "investment" -> 0.5 + rnd.nextDouble();
            default -> 0.0;
        };
        return r == 0 ? null : BigDecimal.valueOf(r).setScale(3, RoundingMode.HALF_UP);
    }

    private static String termsFor(String product) {
        return switch (product) {
            case "loan" -> "Fixed rate, 60 months, no prepayment penalty";
            case "savings" -> "Variable APY, no minimum balance after 90 days";
            case "card" -> "Variable APR, 0% intro for 12 months, 1.5% cashback";
            case "investment" -> "Advisory fee per annum, quarterly rebalancing";
            default -> "No monthly fee with direct deposit";
        };
    }

    private void referral(String referrer, Person referred, String leadId, Opp opp, LocalDate created) {
        String id = "REF-" + leadId.substring(5);
        String name = referred.first + " " + referred.last;
        referrals.add(new ReferralRecord(id, referrer, name, referred.email, null, leadId, null, "Pending", null,
                created, null, at(created, 10)));
        if (opp != null && CLOSED_WON.equals(opp.outcome)) {
            referrals.add(new ReferralRecord(id, referrer, name, referred.email, opp.account, leadId, opp.id,
                    "Converted", BigDecimal.valueOf(100).setScale(2), created, opp.end.toLocalDate(), opp.end.plusHours(1)));
        } else if (opp != null && CLOSED_LOST.equals(opp.outcome) || opp == null && created.plusDays(45).isBefore(asOf)) {
            LocalDate closed = opp != null ? opp.end.toLocalDate() : created.plusDays(45);
            referrals.add(new ReferralRecord(id, referrer, name, referred.email, null, leadId, opp != null ? opp.id : null,
                    "Rejected", null, created, null, at(closed, 16)));
        }
    }

    // ------------------------------------------------------------------ activities

    private void activities() {
        int forOpps = openLeads.isEmpty() ? scale.activities() : (int) Math.round(scale.activities() * 0.93);
        int[] perOpp = spread(forOpps, opps.size());
        int seq = 0;
        for (int i = 0; i < opps.size(); i++) {
            Opp o = opps.get(i);
            long minutes = Math.max(60, ChronoUnit.MINUTES.between(at(o.created, 9), o.end));
            boolean proposalSent = false;
            for (int a = 0; a < perOpp[i]; a++) {
                int type = weighted(ACTIVITY_WEIGHTS);
                if (!proposalSent && o.stageReached >= 2 && a == perOpp[i] / 2) {
                    type = 4;
                    proposalSent = true;
                }
                OffsetDateTime when = at(o.created, 9).plusMinutes(rnd.nextLong(minutes));
                activities.add(activity(String.format("ACT-%08d", ++seq), type, o.id, o.leadId, o.account,
                        o.rep.id, when));
            }
        }
        int[] perLead = spread(scale.activities() - forOpps, openLeads.size());
        for (int i = 0; i < openLeads.size(); i++) {
            LeadRecord l = openLeads.get(i);
            for (int a = 0; a < perLead[i]; a++) {
                OffsetDateTime when = at(l.createdDate(), 9).plusMinutes(rnd.nextLong(60L * 24 * 20));
                activities.add(activity(String.format("ACT-%08d", ++seq), rnd.nextBoolean() ? 0 : 1, null, l.leadId(),
                        null, l.assignedSalesRep(), when));
            }
        }
    }

    /** Splits {@code total} over {@code n} slots: even, then shuffled about so counts vary but sum exactly. */
    private int[] spread(int total, int n) {
        int[] counts = new int[n];
        if (n == 0) {
            return counts;
        }
        for (int i = 0; i < n; i++) {
            counts[i] = total / n + (i < total % n ? 1 : 0);
        }
        for (int k = 0; k < n; k++) {
            int from = rnd.nextInt(n);
            int to = rnd.nextInt(n);
            int move = counts[from] / 3 > 0 ? rnd.nextInt(counts[from] / 3 + 1) : 0;
            counts[from] -= move;
            counts[to] += move;
        }
        return counts;
    }

    private ActivityRecord activity(String id, int type, String oppId, String leadId, String account, String rep,
            OffsetDateTime when) {
        String kind = ACTIVITY_TYPES.get(type);
        String outcome = switch (kind) {
            case "Call" -> pick(List.of("Connected", "Connected", "Left Voicemail", "No Answer"));
            case "Email" -> pick(List.of("Sent", "Replied", "Sent"));
            case "Proposal Sent" -> "Sent";
            default -> pick(List.of("Completed", "Completed", "Rescheduled", "No Show"));
        };
        int duration = switch (kind) {
            case "Call" -> 3 + rnd.nextInt(25);
            case "Email" -> 5;
            case "Meeting" -> 30 + rnd.nextInt(4) * 15;
            case "Demo" -> 20 + rnd.nextInt(40);
            default -> 15;
        };
        String subject = kind + (oppId != null ? " about " + oppId : " with lead " + leadId);
        return new ActivityRecord(id, kind, oppId, leadId, account, subject, outcome,
                outcome.equals("Connected") ? "Discussed needs and next steps" : null, rep, when, duration,
                when.plusMinutes(duration + 2));
    }

    // ------------------------------------------------------------------ commissions and costs

    /**
     * What the compensation system reported for each won deal: the plan's rate for the commission type. About 2 %
     * carry a wrong amount, 1 % are missing, and a few were reported for a deal that was lost.
     */
    private void reportedCommissions() {
        int seq = 0;
        int lostReported = 0;
        for (Opp o : opps) {
            boolean won = CLOSED_WON.equals(o.outcome);
            if (!won && !(CLOSED_LOST.equals(o.outcome) && lostReported < 3 && rnd.nextDouble() < 0.01)) {
                continue;
            }
            lostReported += won ? 0 : 1;
            double roll = rnd.nextDouble();
            if (won && roll < 0.01) {
                continue;
            }
            BigDecimal amount = o.amount.multiply(o.rep.plan.rateFor(o.commissionType)).setScale(2, RoundingMode.HALF_UP);
            if (roll > 0.98) {
                amount = amount.multiply(BigDecimal.valueOf(1.1 + rnd.nextDouble() * 0.4)).setScale(2,
                        RoundingMode.HALF_UP);
            }
            YearMonth month = YearMonth.from(o.end);
            LocalDate paidDate = month.plusMonths(1).atDay(15);
            boolean paid = paidDate.isBefore(asOf);
            commissions.add(new CommissionRecord(String.format("COM-%07d", ++seq), o.rep.id, o.id, o.commissionType,
                    amount, CURRENCY, month.toString(), paid, paid ? paidDate : null,
                    at(month.plusMonths(1).atDay(1), 6)));
        }
        commissions.sort(Comparator.comparing(CommissionRecord::updatedAt));
    }

    private void costs() {
        double factor = spendFactor();
        for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(asOf)); m = m.plusMonths(1)) {
            OffsetDateTime booked = at(m.plusMonths(1).atDay(2), 7);
            for (Campaign c : campaigns) {
                if (c.activeIn(m)) {
                    costs.add(cost(m, c.campaignId(), "marketing", c.monthlyMarketingSpend() * (0.85 + rnd.nextDouble() * 0.3), booked));
                    costs.add(cost(m, c.campaignId(), "sales", roundTo(1_500 + rnd.nextInt(3_000), 100) * factor, booked));
                }
            }
            costs.add(cost(m, null, "sales", scale.reps() * roundTo(1_500 + rnd.nextInt(800), 100), booked));
            costs.add(cost(m, null, "marketing", roundTo(3_000 + rnd.nextInt(2_000), 100) * factor, booked));
        }
    }

    private CostRecord cost(YearMonth month, String campaignId, String category, double amount, OffsetDateTime booked) {
        String id = "COST-" + month + "-" + (campaignId == null ? "GENERAL" : campaignId) + "-"
                + category.toUpperCase(Locale.ROOT);
        return new CostRecord(id, month.toString(), campaignId, category,
                BigDecimal.valueOf(Math.round(amount * 100) / 100.0).setScale(2, RoundingMode.HALF_UP), CURRENCY, booked);
    }

    // ------------------------------------------------------------------ bad records

    /** Well-formed records of the right shape that break the data-quality rules. */
    private void badRecords() {
        Rep rep = repList.get(0);
        LocalDate day = asOf.minusDays(10);
        OffsetDateTime t = at(day, 12);
        String account = existingCustomers.get(0);
        opportunities.add(new OpportunityRecord("OPP-BAD-STAGE", account, null, rep.id, "Verbal Yes",
                new BigDecimal("12000.00"), CURRENCY, BigDecimal.valueOf(60), day.plusDays(20), "savings", "Branch",
                null, null, null, day, t));
        opportunities.add(new OpportunityRecord("OPP-BAD-AMOUNT", account, null, rep.id, PROPOSAL,
                new BigDecimal("-2500.00"), CURRENCY, BigDecimal.valueOf(50), day.plusDays(20), "loan", "Branch", null,
                null, null, day, t.plusMinutes(1)));
        opportunities.add(new OpportunityRecord("OPP-BAD-PROBABILITY", account, null, rep.id, NEGOTIATION,
                new BigDecimal("30000.00"), CURRENCY, BigDecimal.valueOf(120), day.plusDays(20), "investment",
                "Call Center", null, null, null, day, t.plusMinutes(2)));
        opportunities.add(new OpportunityRecord("OPP-BAD-OWNER", account, null, "REP-9999", QUALIFICATION,
                new BigDecimal("8000.00"), CURRENCY, BigDecimal.valueOf(25), day.plusDays(20), "card", "Web Form",
                null, null, null, day, t.plusMinutes(3)));
    }

    // ------------------------------------------------------------------ helpers

    private Rep repIn(Territory territory, LocalDate date) {
        List<Rep> candidates = new ArrayList<>();
        for (Rep r : repList) {
            if (r.positionAt(date).territory == territory) {
                candidates.add(r);
            }
        }
        if (candidates.isEmpty()) {
            for (Rep r : repList) {
                if (r.positionAt(date).territory.region.equals(territory.region)) {
                    candidates.add(r);
                }
            }
        }
        return candidates.isEmpty() ? repList.get(rnd.nextInt(repList.size()))
                : candidates.get(rnd.nextInt(candidates.size()));
    }

    private Person person() {
        String first = pick(FIRST);
        String last = pick(LAST);
        String email = rnd.nextDouble() < 0.9 ? email(first + " " + last, Integer.toString(rnd.nextInt(1000)),
                pick(EMAIL_DOMAINS)) : null;
        int area = 200 + rnd.nextInt(700);
        int exchange = 200 + rnd.nextInt(700);
        int line = rnd.nextInt(10_000);
        String phone = String.format("+1 %d-%d-%04d", area, exchange, line);
        LocalDate dob = LocalDate.of(1950, 1, 1).plusDays(rnd.nextInt(365 * 52));
        return new Person(first, last, email, phone, dob, area, exchange, line, rnd.nextInt(3));
    }

    private static String email(String name, String suffix, String domain) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '.') + suffix + "@" + domain;
    }

    private <T> T pick(List<T> values) {
        return values.get(rnd.nextInt(values.size()));
    }

    private int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - rnd.nextDouble());
    }

    private static long roundTo(double value, int step) {
        return Math.max(step, Math.round(value / step) * step);
    }

    private static OffsetDateTime at(LocalDate date, int hour) {
        return date.atTime(LocalTime.of(hour, 0)).atOffset(ZoneOffset.UTC);
    }

    private static String id(Campaign c) {
        return c == null ? null : c.campaignId();
    }

    private record Territory(String id, String region, List<String> zips, List<String> branches) {
    }

    private record RepPosition(LocalDate from, Territory territory, String team) {
    }

    private static final class Rep {
        final String id;
        final String employeeId;
        final String name;
        final LocalDate hire;
        final CommissionPlan plan;
        final BigDecimal quota;
        final List<RepPosition> moves = new ArrayList<>();

        Rep(String id, String employeeId, String name, LocalDate hire, CommissionPlan plan, BigDecimal quota) {
            this.id = id;
            this.employeeId = employeeId;
            this.name = name;
            this.hire = hire;
            this.plan = plan;
            this.quota = quota;
        }

        RepPosition positionAt(LocalDate date) {
            RepPosition current = moves.get(0);
            for (RepPosition p : moves) {
                if (!p.from.isAfter(date)) {
                    current = p;
                }
            }
            return current;
        }
    }

    private static final class Opp {
        final String id;
        final String account;
        final String leadId;
        final Rep rep;
        final LocalDate created;
        final String product;
        final String commissionType;
        int stageReached;
        String outcome;
        OffsetDateTime end;
        BigDecimal amount;

        Opp(String id, String account, String leadId, Rep rep, LocalDate created, String product, String commissionType) {
            this.id = id;
            this.account = account;
            this.leadId = leadId;
            this.rep = rep;
            this.created = created;
            this.product = product;
            this.commissionType = commissionType;
        }
    }

    /** A person as one source typed them; {@link #retyped} is the same person as another source types them. */
    private record Person(String first, String last, String email, String phone, LocalDate dob, int area,
            int exchange, int line, int style) {

        Person retyped() {
            String otherPhone = switch (style) {
                case 0 -> String.format("(%d) %d-%04d", area, exchange, line);
                case 1 -> String.format("%d.%d.%04d", area, exchange, line);
                default -> String.format("%d%d%04d", area, exchange, line);
            };
            String otherEmail = email == null ? null : style == 1 ? email.toUpperCase(Locale.ROOT)
                    : Character.toUpperCase(email.charAt(0)) + email.substring(1);
            String otherLast = style == 2 ? last.toUpperCase(Locale.ROOT) : last + " ";
            return new Person(" " + first, otherLast, otherEmail, otherPhone, dob, area, exchange, line, style);
        }
    }
}
