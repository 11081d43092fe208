package org.retailcx.sentiment.ingest;

import java.util.Locale;

import org.retailcx.sentiment.model.analysis.TextDomain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The channels a customer text comes from, and which supervised model speaks for each. */
public enum Channel {
    CALL(TextDomain.CONVERSATIONAL),
    CHAT(TextDomain.CONVERSATIONAL),
    EMAIL(TextDomain.CONVERSATIONAL),
    SURVEY(TextDomain.CONVERSATIONAL),
    SOCIAL(TextDomain.SOCIAL);

    private final TextDomain domain;

    Channel(TextDomain domain) {
        this.domain = domain;
    }

    public TextDomain domain() {
        return domain;
    }

    /** As stored and as the API names it: {@code call}, {@code chat}, … */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the stored code and the roadmap's source types ("Call", "Email", …), case aside. */
    @JsonCreator
    public static Channel parse(String value) {
        if (value == null) {
            return null;
        }
        for (Channel c : values()) {
            if (c.code().equalsIgnoreCase(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel " + value);
    }
}
