package org.retailcx.sentiment.ingest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A sentiment result an external NLP vendor computed for one of the bank's texts (the roadmap's
 * {@code retail_sentiment_analysis_results}): kept beside this service's own analysis of the same text, so the two
 * can be compared, never used in its place. The text itself is not sent; keywords are redacted like any text.
 */
@RegisterForReflection
public record VendorSentimentRecord(
        @NotBlank @Size(max = 128) String sentimentId,
        @NotBlank @Size(max = 128) String sourceId,
        @NotNull Channel sourceType,
        @NotNull @DecimalMin("-1") @DecimalMax("1") BigDecimal sentimentScore,
        @NotNull @Pattern(regexp = "(?i)positive|neutral|negative", message = "must be Positive, Neutral or Negative")
        String sentimentLabel,
        @DecimalMin("0") @DecimalMax("1") BigDecimal magnitude,
        @DecimalMin("0") @DecimalMax("1") BigDecimal confidence,
        @Size(max = 100) List<@NotBlank @Size(max = 200) String> keywordsExtracted,
        @Size(max = 100) List<@NotBlank @Size(max = 200) String> topicsDetected,
        @LanguageTag String language,
        @NotBlank @Size(max = 128) String nlpModelVersion,
        OffsetDateTime analysedAt) {

    /** The vendor's label as this service stores its own: {@code positive}, {@code neutral}, {@code negative}. */
    public String label() {
        return sentimentLabel.toLowerCase(java.util.Locale.ROOT);
    }

    /** A vendor's keywords are text too: a phone number or e-mail picked out as a keyword is redacted. */
    public VendorSentimentRecord redacted() {
        if (keywordsExtracted == null) {
            return this;
        }
        List<String> clean = keywordsExtracted.stream().map(Redaction::redact).toList();
        return clean.equals(keywordsExtracted) ? this : new VendorSentimentRecord(sentimentId, sourceId, sourceType,
                sentimentScore, sentimentLabel, magnitude, confidence, clean, topicsDetected, language,
                nlpModelVersion, analysedAt);
    }
}
