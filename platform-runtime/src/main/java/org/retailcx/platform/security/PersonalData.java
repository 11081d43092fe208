package org.retailcx.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one masking rule for personal data (PII), role × kind of field:
 * <table>
 * <tr><th>role</th><th>name</th><th>e-mail, phone</th><th>date of birth</th><th>address</th></tr>
 * <tr><td>admin, service, sales-manager, sales-rep</td><td>clear</td><td>clear</td><td>clear</td><td>clear</td></tr>
 * <tr><td>marketing</td><td>with consent</td><td>with consent</td><td>hidden</td><td>with consent</td></tr>
 * <tr><td>data-scientist</td><td>hidden</td><td>pseudonym</td><td>hidden</td><td>hidden</td></tr>
 * <tr><td>any other</td><td>hidden</td><td>hidden</td><td>hidden</td><td>hidden</td></tr>
 * </table>
 * A caller with several roles gets the clearest view among them. Sales roles see clear data only within their row
 * scope (a rep's book, a manager's team), which the domain applies. A pseudonym is {@code psn_} + the first 16 bytes
 * of HMAC-SHA256 over the normalised value with {@code retailcx.pii.pseudonym-key}: stable (the same e-mail always
 * gives the same pseudonym, so data scientists can join and count people) but not reversible without the key.
 * Without a key, pseudonyms are hidden too.
 */
@ApplicationScoped
public class PersonalData {

    private static final Logger LOG = Logger.getLogger(PersonalData.class);

    /** What a field holds, which decides how it is masked. */
    public enum Kind {
        NAME, CONTACT, BIRTH_DATE, ADDRESS
    }

    /** How much a caller may see, clearest first. */
    public enum View {
        CLEAR, CONSENTED, PSEUDONYMOUS, HIDDEN
    }

    /** Roles whose work is with the person: they see personal data in clear (within their row scope). */
    private static final Set<String> CLEAR_ROLES = Set.of(Roles.ADMIN, Roles.SERVICE, Roles.SALES_MANAGER,
            Roles.SALES_REP);

    private final SecretKeySpec key;

    public PersonalData(@ConfigProperty(name = "retailcx.pii.pseudonym-key") Optional<String> key) {
        this.key = key.filter(k -> !k.isBlank())
                .map(k -> new SecretKeySpec(k.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).orElse(null);
        if (this.key == null) {
            LOG.warn("retailcx.pii.pseudonym-key is not set: data scientists see personal identifiers hidden, not "
                    + "pseudonymised");
        }
    }

    public static View view(Caller caller) {
        if (caller.hasAny(CLEAR_ROLES)) {
            return View.CLEAR;
        }
        if (caller.has(Roles.MARKETING)) {
            return View.CONSENTED;
        }
        return caller.has(Roles.DATA_SCIENTIST) ? View.PSEUDONYMOUS : View.HIDDEN;
    }

    /** A text field as {@code view} may see it; {@code consent} is the person's consent to be contacted. */
    public String text(View view, Kind kind, String value, boolean consent) {
        if (value == null) {
            return null;
        }
        return switch (view) {
            case CLEAR -> value;
            case CONSENTED -> consent && kind != Kind.BIRTH_DATE ? value : null;
            case PSEUDONYMOUS -> kind == Kind.CONTACT ? pseudonym(value) : null;
            case HIDDEN -> null;
        };
    }

    public LocalDate birthDate(View view, LocalDate value) {
        return view == View.CLEAR ? value : null;
    }

    /**
     * Masks the personal fields of a JSON record in place (a bronze payload as received); {@code consentField} names
     * its boolean consent field, or is null when the record carries none (then there is no consent).
     */
    public JsonNode mask(View view, JsonNode record, Map<String, Kind> fields, String consentField) {
        if (view == View.CLEAR || !(record instanceof ObjectNode object)) {
            return record;
        }
        boolean consent = consentField != null && object.path(consentField).asBoolean(false);
        fields.forEach((field, kind) -> {
            JsonNode value = object.get(field);
            if (value != null && !value.isNull()) {
                String masked = text(view, kind, value.asText(), consent);
                if (masked == null) {
                    object.putNull(field);
                } else if (!masked.equals(value.asText())) {
                    object.put(field, masked);
                }
            }
        });
        return object;
    }

    /** A stable keyed pseudonym of a personal identifier (null without a configured key). */
    public String pseudonym(String value) {
        if (key == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(value.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "psn_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
