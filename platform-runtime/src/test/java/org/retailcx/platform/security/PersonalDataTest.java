package org.retailcx.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.retailcx.platform.security.PersonalData.Kind;
import org.retailcx.platform.security.PersonalData.View;
import org.retailcx.schema.EventJson;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class PersonalDataTest {

    private final PersonalData withKey = new PersonalData(Optional.of("test-key"));

    @Test
    void theClearestRoleDecidesTheView() {
        assertEquals(View.CLEAR, PersonalData.view(caller("sales-rep")));
        assertEquals(View.CLEAR, PersonalData.view(caller("marketing", "sales-manager")));
        assertEquals(View.CONSENTED, PersonalData.view(caller("marketing", "data-scientist")));
        assertEquals(View.PSEUDONYMOUS, PersonalData.view(caller("data-scientist")));
        assertEquals(View.HIDDEN, PersonalData.view(caller("cx-analyst")));
    }

    @Test
    void eachKindIsMaskedAsTheMatrixSays() {
        assertEquals("a@x.org", withKey.text(View.CLEAR, Kind.CONTACT, "a@x.org", false));
        assertEquals("a@x.org", withKey.text(View.CONSENTED, Kind.CONTACT, "a@x.org", true));
        assertNull(withKey.text(View.CONSENTED, Kind.CONTACT, "a@x.org", false));
        assertEquals("Anna", withKey.text(View.CONSENTED, Kind.NAME, "Anna", true));
        assertNull(withKey.text(View.PSEUDONYMOUS, Kind.NAME, "Anna", true));
        assertNull(withKey.text(View.PSEUDONYMOUS, Kind.ADDRESS, "10115", true));
        assertNull(withKey.text(View.HIDDEN, Kind.CONTACT, "a@x.org", true));
        assertNull(withKey.birthDate(View.CONSENTED, LocalDate.of(1980, 1, 1)));
        assertEquals(LocalDate.of(1980, 1, 1), withKey.birthDate(View.CLEAR, LocalDate.of(1980, 1, 1)));
    }

    @Test
    void pseudonymsAreStableKeyedAndNormalised() {
        String p = withKey.text(View.PSEUDONYMOUS, Kind.CONTACT, "Anna@X.org ", true);
        assertTrue(p.matches("psn_[0-9a-f]{32}"), p);
        assertEquals(p, withKey.pseudonym("anna@x.org"));
        assertNotEquals(p, withKey.pseudonym("bert@x.org"));
        assertNotEquals(p, new PersonalData(Optional.of("another-key")).pseudonym("anna@x.org"));
        // the first 16 bytes of HMAC-SHA256(key "key", the lowercased text), as Python's hmac module computes them
        assertEquals("psn_7486bd70e6574a2755b8ea4daeb283de",
                new PersonalData(Optional.of("key")).pseudonym("The quick brown fox jumps over the lazy dog"));
        assertNull(new PersonalData(Optional.empty()).pseudonym("anna@x.org"), "no key: hidden, not pseudonymised");
    }

    @Test
    void aRecordIsMaskedInPlaceWithItsOwnConsent() throws Exception {
        Map<String, Kind> fields = Map.of("email", Kind.CONTACT, "dateOfBirth", Kind.BIRTH_DATE, "lastName", Kind.NAME);
        JsonNode consented = EventJson.mapper().readTree(
                "{\"email\":\"a@x.org\",\"dateOfBirth\":\"1980-01-01\",\"lastName\":\"S\",\"contactConsent\":true}");
        withKey.mask(View.CONSENTED, consented, fields, "contactConsent");
        assertEquals("a@x.org", consented.get("email").asText());
        assertTrue(consented.get("dateOfBirth").isNull());
        JsonNode refused = EventJson.mapper().readTree("{\"email\":\"a@x.org\",\"lastName\":\"S\",\"amount\":3}");
        withKey.mask(View.PSEUDONYMOUS, refused, fields, "contactConsent");
        assertEquals(withKey.pseudonym("a@x.org"), refused.get("email").asText());
        assertTrue(refused.get("lastName").isNull());
        assertEquals(3, refused.get("amount").asInt());
    }

    private static Caller caller(String... roles) {
        var identity = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("someone"));
        for (String role : roles) {
            identity.addRole(role);
        }
        return new Caller(identity.build());
    }
}
