package org.retailcx.clv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class RfmSummarizerTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    @Test
    void reproducesThePublishedCdnowSummaryToTwoDecimals() {
        List<CustomerSummary> ours = RfmSummarizer.weekly()
                .summarize(CdnowData.transactions(), CdnowData.CALIBRATION_END);
        List<CustomerSummary> published = CdnowData.publishedSummary();
        assertEquals(2357, published.size());
        assertEquals(published.size(), ours.size());
        Map<String, CustomerSummary> byId = ours.stream()
                .collect(Collectors.toMap(CustomerSummary::customerId, Function.identity()));
        for (CustomerSummary expected : published) {
            CustomerSummary actual = byId.get(expected.customerId());
            String id = "customer " + expected.customerId();
            assertEquals(expected.frequency(), actual.frequency(), id);
            assertEquals(expected.recency(), actual.recency(), 0.005 + 1e-9, id);
            assertEquals(expected.age(), actual.age(), 0.005 + 1e-9, id);
        }
    }

    @Test
    void firstCdnowCustomerMatchesTheHandComputation() {
        // 1997-01-01 $29.33, 01-18 $29.73, 08-02 $14.96 (12-12 is after calibration): x = 2,
        // t_x = 213 days / 7, T = 272 days / 7 (T counts to the end date, not past it), m = mean of the repeats.
        CustomerSummary first = RfmSummarizer.weekly().summarize(CdnowData.transactions(), CdnowData.CALIBRATION_END)
                .stream().filter(c -> c.customerId().equals("1")).findFirst().orElseThrow();
        assertEquals(new CustomerSummary("1", 2, 213 / 7.0, 272 / 7.0, (29.73 + 14.96) / 2), first);
    }

    @Test
    void sameDayPurchasesCountOnceAndTheirTotalIsOneRepeatValue() {
        List<Transaction> log = List.of(
                new Transaction("a", JAN_1, 10),
                new Transaction("a", JAN_1, 5),           // same first day: not a repeat, not in the mean
                new Transaction("a", JAN_1.plusDays(7), 20),
                new Transaction("a", JAN_1.plusDays(7), 4), // same repeat day: one purchase worth 24
                new Transaction("a", JAN_1.plusDays(14), 12),
                new Transaction("b", JAN_1.plusDays(3), 8));
        List<CustomerSummary> summary = RfmSummarizer.weekly().summarize(log, JAN_1.plusDays(21));
        assertEquals(List.of(
                new CustomerSummary("a", 2, 2, 3, 18),
                new CustomerSummary("b", 0, 0, 18 / 7.0, 0)), summary);
    }

    @Test
    void holdoutCountsPurchaseDaysAfterCalibrationForKnownCustomersOnly() {
        List<Transaction> log = List.of(
                new Transaction("a", JAN_1, 10),
                new Transaction("a", JAN_1.plusDays(10), 3),  // calibration end: included in calibration
                new Transaction("a", JAN_1.plusDays(11), 7),
                new Transaction("a", JAN_1.plusDays(11), 1),
                new Transaction("a", JAN_1.plusDays(20), 5),
                new Transaction("a", JAN_1.plusDays(30), 50), // after the holdout: ignored
                new Transaction("late", JAN_1.plusDays(12), 9));
        List<HoldoutObservation> result = RfmSummarizer.weekly()
                .calibrationAndHoldout(log, JAN_1.plusDays(10), JAN_1.plusDays(24));
        assertEquals(List.of(new HoldoutObservation(new CustomerSummary("a", 1, 10 / 7.0, 10 / 7.0, 3), 2, 13, 2)),
                result);
    }

    @Test
    void rejectsAHoldoutEndingBeforeCalibration() {
        assertThrows(IllegalArgumentException.class,
                () -> RfmSummarizer.weekly().calibrationAndHoldout(List.of(), JAN_1, JAN_1.minusDays(1)));
    }
}
