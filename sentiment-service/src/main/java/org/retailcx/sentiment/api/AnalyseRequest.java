package org.retailcx.sentiment.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.retailcx.sentiment.ingest.Channel;
import org.retailcx.sentiment.ingest.FreeText;
import org.retailcx.sentiment.ingest.LanguageTag;
import org.retailcx.sentiment.model.analysis.TextDomain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Texts to analyse without storing anything (up to {@link #MAX_DOCUMENTS} per call). Each text says its channel (the
 * engine blends the models for it) or, for text that is not a customer's, its domain ({@code FINANCIAL} for market
 * news); neither means conversational.
 */
@RegisterForReflection
public record AnalyseRequest(@NotEmpty @Size(max = MAX_DOCUMENTS) List<@NotNull @Valid Text> documents) {

    public static final int MAX_DOCUMENTS = 100;

    @RegisterForReflection
    public record Text(@Size(max = 128) String id, @FreeText String text, Channel channel, TextDomain domain,
            @LanguageTag String language) {

        TextDomain effectiveDomain() {
            return domain != null ? domain : channel != null ? channel.domain() : TextDomain.CONVERSATIONAL;
        }
    }
}
