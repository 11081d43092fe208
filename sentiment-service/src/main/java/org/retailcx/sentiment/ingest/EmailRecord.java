package org.retailcx.sentiment.ingest;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An e-mail to or from a customer; only inbound mail is the customer's voice. */
@RegisterForReflection
public record EmailRecord(
        @NotBlank @Size(max = 128) String emailId,
        @NotBlank @Size(max = 128) String customerId,
        @NotNull OffsetDateTime sentAt,
        @NotNull Direction direction,
        @Size(max = 1_000) String subject,
        @FreeText String body,
        boolean urgencyFlag,
        @LanguageTag String language,
        @Size(max = 64) String product) {

    public enum Direction {
        @JsonProperty("Inbound")
        INBOUND,
        @JsonProperty("Outbound")
        OUTBOUND;

        public String label() {
            return this == INBOUND ? "Inbound" : "Outbound";
        }
    }

    /** Subject and body as one text, the subject its first line. */
    public String text() {
        return subject == null || subject.isBlank() ? body : subject + "\n" + body;
    }

    public EmailRecord redacted() {
        String cleanSubject = Redaction.redact(subject);
        String cleanBody = Redaction.redact(body);
        return Redaction.clean(subject, cleanSubject) && Redaction.clean(body, cleanBody) ? this
                : new EmailRecord(emailId, customerId, sentAt, direction, cleanSubject, cleanBody, urgencyFlag,
                        language, product);
    }
}
