package org.retailcx.sales.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.retailcx.sales.model.LeadMatcher.Candidate;
import org.retailcx.sales.model.LeadMatcher.Group;
import org.retailcx.sales.model.LeadMatcher.Member;
import org.retailcx.sales.model.LeadMatcher.Merge;

class LeadMatcherTest {

    private static final LocalDate DOB = LocalDate.of(1985, 3, 14);

    @Test
    void normalisesEmailsIncludingGmailDotsAndTags() {
        assertEquals("annaschmidt@gmail.com", LeadMatcher.normaliseEmail("  Anna.Schmidt+offers@GoogleMail.com "));
        assertEquals("anna.schmidt@bank.de", LeadMatcher.normaliseEmail("Anna.Schmidt@Bank.DE"));
        assertNull(LeadMatcher.normaliseEmail("not-an-email"));
    }

    @Test
    void normalisesPhonesToInternationalDigits() {
        assertEquals("+4930123456", LeadMatcher.normalisePhone("+49 (30) 123-456"));
        assertEquals("+4930123456", LeadMatcher.normalisePhone("0049 30 123456"));
        assertEquals("+4930123456", LeadMatcher.normalisePhone("030 123456"));
        assertNull(LeadMatcher.normalisePhone("12-34"));
    }

    @Test
    void leadsSharingAnyKeyBecomeOnePersonAndOthersStayApart() {
        List<Group> groups = LeadMatcher.match(List.of(
                lead("W-1", null, "anna@bank.de", null, null, null, null),
                lead("B-1", null, "ANNA@bank.de ", "030 999999", null, null, null),
                lead("C-1", null, null, "+49 30 999999", "Schmidt", DOB, "10115"),
                lead("E-1", null, null, null, "schmidt", DOB, "10 115"),
                lead("X-1", null, "other@bank.de", null, "Schmidt", DOB, "80331")), Map.of());

        assertEquals(2, groups.size());
        assertEquals(List.of(new Member("W-1", "new"), new Member("B-1", "email"), new Member("C-1", "phone"),
                new Member("E-1", "name-dob-postal")), groups.get(0).members());
        assertNull(groups.get(0).goldenId(), "a new person needs a new golden id");
        assertEquals(List.of(new Member("X-1", "new")), groups.get(1).members());
    }

    @Test
    void aLeadLinkingTwoGoldenLeadsMergesThemIntoTheOlder() {
        // golden 7 owns the email, golden 3 the phone: the new lead has both, so 7 merges into 3
        List<Group> groups = LeadMatcher.match(List.of(
                lead("R-9", null, "anna@bank.de", "030 999999", null, null, null)),
                Map.of("email:anna@bank.de", 7L, "phone:+4930999999", 3L));

        assertEquals(1, groups.size());
        assertEquals(3L, groups.get(0).goldenId());
        assertEquals(List.of(new Merge(7, 3, "R-9", "email")), groups.get(0).merges());
    }

    @Test
    void aKnownLeadKeepsItsGoldenIdWhenNothingNewMatches() {
        List<Group> groups = LeadMatcher.match(List.of(lead("W-1", 5L, "anna@bank.de", null, null, null, null)),
                Map.of("email:anna@bank.de", 5L));
        assertEquals(5L, groups.get(0).goldenId());
        assertEquals(List.of(), groups.get(0).merges());
        assertEquals(List.of(new Member("W-1", "new")), groups.get(0).members());
    }

    @Test
    void matchesALargeBatchInLinearTime() {
        List<Candidate> leads = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            // every pair of consecutive leads shares an email: 100,000 persons
            leads.add(lead("L-" + i, null, "p" + (i / 2) + "@bank.de", null, null, null, null));
        }
        assertEquals(100_000, LeadMatcher.match(leads, Map.of()).size());
    }

    private static Candidate lead(String id, Long golden, String email, String phone, String lastName,
            LocalDate dob, String postal) {
        return new Candidate(id, golden, email, phone, lastName, dob, postal);
    }
}
