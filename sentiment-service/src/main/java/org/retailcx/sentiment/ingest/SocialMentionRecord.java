package org.retailcx.sentiment.ingest;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A public post that mentions the bank; the customer id is known only when the handle was matched to one. */
@RegisterForReflection
public record SocialMentionRecord(
        @NotBlank @Size(max = 128) String mentionId,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,31}", message = "must be a platform code in lower case,"
                + " e.g. x, facebook, instagram, reddit, trustpilot") String platform,
        @Size(max = 128) String customerId,
        @NotNull OffsetDateTime postedAt,
        @FreeText String text,
        @PositiveOrZero int likes,
        @PositiveOrZero int shares,
        @PositiveOrZero int comments,
        boolean brandMentionFlag,
        @LanguageTag String language,
        @Size(max = 64) String product) {

    public SocialMentionRecord redacted() {
        String clean = Redaction.redact(text);
        return Redaction.clean(text, clean) ? this : new SocialMentionRecord(mentionId, platform, customerId, postedAt,
                clean, likes, shares, comments, brandMentionFlag, language, product);
    }
}
