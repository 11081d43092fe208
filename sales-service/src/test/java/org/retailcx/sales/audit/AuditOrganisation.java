package org.retailcx.sales.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit's organisation and the auditor's own arithmetic: commission, quota, win rate and attainment worked out
 * from the versions as a compensation analyst would on paper, without any of the service's code. The figures the
 * service answers are compared with these.
 */
final class AuditOrganisation {

    static final String WON = "Closed Won";
    static final String LOST = "Closed Lost";

    /** The plan: New Account 5 %, Cross-Sell 3 %, Referral 2 %; per quarter ×1 to 100 %, ×1.5 to 120 %, ×2 above. */
    static final Map<String, BigDecimal> RATES = Map.of("New Account", new BigDecimal("0.05"), "Cross-Sell",
            new BigDecimal("0.03"), "Referral", new BigDecimal("0.02"));
    static final int CLAWBACK_WINDOW_DAYS = 60;

    /** A rep with an annual quota ("2026"). */
    record Rep(String id, BigDecimal annualQuota) {
        /** The quota for a quarter: the annual quota's share of the year's days. */
        BigDecimal quota(LocalDate quarterStart) {
            long days = ChronoUnit.DAYS.between(quarterStart, quarterStart.plusMonths(3));
            return annualQuota.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(365), 2,
                    RoundingMode.HALF_UP);
        }
    }

    /** One version of an opportunity as the CRM sent it, dated {@code day}. */
    record Version(String opportunityId, String day, String stage, int amount, String expectedClose) {
        LocalDate date() {
            return LocalDate.parse(day);
        }
    }

    /** An opportunity and its versions in effective order. */
    record Deal(String id, String account, Rep rep, String leadSource, List<Version> versions) {

        Version current() {
            return versions.get(versions.size() - 1);
        }

        LocalDate created() {
            return versions.get(0).date();
        }

        /** The first day it was Closed Won, or null. */
        LocalDate wonOn() {
            return versions.stream().filter(v -> v.stage().equals(WON)).map(Version::date).findFirst().orElse(null);
        }

        /** The amount of its last Closed Won version. */
        BigDecimal wonAmount() {
            return versions.stream().filter(v -> v.stage().equals(WON)).reduce((a, b) -> b)
                    .map(v -> BigDecimal.valueOf(v.amount())).orElse(BigDecimal.ZERO);
        }

        boolean isWonNow() {
            return current().stage().equals(WON);
        }

        /** The day it left Closed Won for good (its current stage's first day), or null while it stands. */
        LocalDate reversedOn() {
            if (wonOn() == null || isWonNow()) {
                return null;
            }
            return enteredCurrentStage();
        }

        LocalDate enteredCurrentStage() {
            LocalDate entered = current().date();
            for (int i = versions.size() - 1; i >= 0 && versions.get(i).stage().equals(current().stage()); i--) {
                entered = versions.get(i).date();
            }
            return entered;
        }

        /** Reversed within the window, inclusive: earns nothing and does not count toward the tiers. */
        boolean clawedBack() {
            LocalDate reversed = reversedOn();
            return reversed != null && !reversed.isAfter(wonOn().plusDays(CLAWBACK_WINDOW_DAYS));
        }

        boolean closedIn(LocalDate from, LocalDate to) {
            String stage = current().stage();
            LocalDate day = enteredCurrentStage();
            return (stage.equals(WON) || stage.equals(LOST)) && !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** What the auditor expects a deal to be paid: its commission type and net amount. */
    record Expected(String type, BigDecimal net) {
    }

    private AuditOrganisation() {
    }

    /** The deals as known from the given versions (grouped by opportunity, in effective order). */
    static List<Deal> deals(List<Version> versions, Map<String, Deal> shapes) {
        Map<String, List<Version>> byId = new LinkedHashMap<>();
        versions.stream().sorted(Comparator.comparing(Version::day))
                .forEach(v -> byId.computeIfAbsent(v.opportunityId(), k -> new ArrayList<>()).add(v));
        List<Deal> deals = new ArrayList<>();
        byId.forEach((id, vs) -> {
            Deal shape = shapes.get(id);
            deals.add(new Deal(id, shape.account(), shape.rep(), shape.leadSource(), vs));
        });
        return deals;
    }

    /**
     * Every won deal's commission type and net entitlement. Type: Referral by lead source, else New Account when no
     * earlier deal of the account is won now, else Cross-Sell. Per rep and quarter, deals count toward the quota in
     * win order; each pays rate × multiplier on the part of its amount inside each attainment band.
     */
    static Map<String, Expected> commissions(List<Deal> deals) {
        Map<String, Expected> expected = new TreeMap<>();
        Map<String, List<Deal>> byRepQuarter = new TreeMap<>();
        for (Deal d : deals) {
            if (d.wonOn() != null) {
                byRepQuarter.computeIfAbsent(d.rep().id() + "|" + quarterStart(d.wonOn()), k -> new ArrayList<>())
                        .add(d);
            }
        }
        byRepQuarter.forEach((key, ofQuarter) -> {
            ofQuarter.sort(Comparator.comparing(Deal::wonOn).thenComparing(Deal::id));
            BigDecimal quota = ofQuarter.get(0).rep().quota(quarterStart(ofQuarter.get(0).wonOn()));
            BigDecimal attained = BigDecimal.ZERO;
            for (Deal d : ofQuarter) {
                String type = type(d, deals);
                if (d.clawedBack()) {
                    expected.put(d.id(), new Expected(type, new BigDecimal("0.00")));
                    continue;
                }
                BigDecimal from = attained;
                attained = attained.add(d.wonAmount());
                BigDecimal rate = RATES.get(type);
                BigDecimal pay = band(from, attained, BigDecimal.ZERO, quota).multiply(rate)
                        .add(band(from, attained, quota, quota.multiply(new BigDecimal("1.2"))).multiply(rate)
                                .multiply(new BigDecimal("1.5")))
                        .add(band(from, attained, quota.multiply(new BigDecimal("1.2")), null).multiply(rate)
                                .multiply(BigDecimal.valueOf(2)));
                expected.put(d.id(), new Expected(type, pay.setScale(2, RoundingMode.HALF_UP)));
            }
        });
        return expected;
    }

    static String type(Deal deal, List<Deal> all) {
        if ("Referral".equals(deal.leadSource())) {
            return "Referral";
        }
        boolean earlierWonNow = all.stream().anyMatch(o -> o.account().equals(deal.account()) && o.isWonNow()
                && (o.wonOn().isBefore(deal.wonOn()) || o.wonOn().equals(deal.wonOn()) && o.id().compareTo(deal.id()) < 0));
        return earlierWonNow ? "Cross-Sell" : "New Account";
    }

    /** How much of [from, to) lies inside [low, high) (high null: no upper end). */
    private static BigDecimal band(BigDecimal from, BigDecimal to, BigDecimal low, BigDecimal high) {
        BigDecimal top = high == null ? to : to.min(high);
        BigDecimal inside = top.subtract(from.max(low));
        return inside.signum() > 0 ? inside : BigDecimal.ZERO;
    }

    static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    /** Won now and won in [from, to]: the amount quota attainment counts. */
    static BigDecimal wonIn(List<Deal> deals, Rep rep, LocalDate from, LocalDate to) {
        return deals.stream().filter(d -> d.rep() == rep && d.isWonNow() && d.closedIn(from, to))
                .map(d -> BigDecimal.valueOf(d.current().amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Closed lost now, lost in [from, to] (a cancelled win counts here, on its cancellation day). */
    static BigDecimal lostIn(List<Deal> deals, Rep rep, LocalDate from, LocalDate to) {
        return deals.stream().filter(d -> d.rep() == rep && d.current().stage().equals(LOST) && d.closedIn(from, to))
                .map(d -> BigDecimal.valueOf(d.current().amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static long countClosed(List<Deal> deals, Rep rep, String stage, LocalDate from, LocalDate to) {
        return deals.stream().filter(d -> d.rep() == rep && d.current().stage().equals(stage) && d.closedIn(from, to))
                .count();
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
