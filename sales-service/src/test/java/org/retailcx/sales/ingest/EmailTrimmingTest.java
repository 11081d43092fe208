package org.retailcx.sales.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.retailcx.schema.EventJson;

/** Addresses are trimmed as the record is read, before the shape check sees them; blank is no address. */
class EmailTrimmingTest {

    @Test
    void aLeadsAddressIsTrimmedAndABlankOneIsNone() throws Exception {
        assertEquals("Ana.Audit@Example.com", EventJson.mapper()
                .readValue("{\"leadId\":\"L1\",\"email\":\" \\tAna.Audit@Example.com  \"}", LeadRecord.class).email());
        assertNull(EventJson.mapper().readValue("{\"leadId\":\"L2\",\"email\":\"   \"}", LeadRecord.class).email());
        assertNull(EventJson.mapper().readValue("{\"leadId\":\"L3\"}", LeadRecord.class).email());
    }

    @Test
    void aReferralsAddressIsTrimmedToo() throws Exception {
        assertEquals("ref@example.com", EventJson.mapper().readValue(
                "{\"referralId\":\"R1\",\"referredEmail\":\"ref@example.com \"}", ReferralRecord.class)
                .referredEmail());
    }
}
