package org.retailcx.sentiment.ingest;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A free-text survey answer, with the survey's own rating when the question had one (e.g. NPS 0..10). */
@RegisterForReflection
public record SurveyVerbatimRecord(
        @NotBlank @Size(max = 128) String responseId,
        @NotBlank @Size(max = 128) String surveyId,
        @NotBlank @Size(max = 128) String customerId,
        @NotNull OffsetDateTime respondedAt,
        @NotBlank @Size(max = 2_000) String question,
        @FreeText String response,
        @PositiveOrZero @Max(100) Integer rating,
        @LanguageTag String language,
        @Size(max = 64) String product) {

    public SurveyVerbatimRecord redacted() {
        String clean = Redaction.redact(response);
        return Redaction.clean(response, clean) ? this : new SurveyVerbatimRecord(responseId, surveyId, customerId,
                respondedAt, question, clean, rating, language, product);
    }
}
