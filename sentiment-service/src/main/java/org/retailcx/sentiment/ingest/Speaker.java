package org.retailcx.sentiment.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who speaks in a call turn or writes a chat message; only the customer's words count toward their sentiment. */
public enum Speaker {
    @JsonProperty("Agent")
    AGENT,
    @JsonProperty("Customer")
    CUSTOMER;

    public String label() {
        return this == AGENT ? "Agent" : "Customer";
    }
}
