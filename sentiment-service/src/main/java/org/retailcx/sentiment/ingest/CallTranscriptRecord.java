package org.retailcx.sentiment.ingest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.retailcx.sentiment.model.analysis.SentimentAnalyzer;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A call transcript as the contact-centre platform sends it: speaker turns with their offset into the call.
 * Shape is checked here (400 naming the field); a turn timed after the call ended is a data-quality rule.
 */
@RegisterForReflection
public record CallTranscriptRecord(
        @NotBlank @Size(max = 128) String transcriptId,
        @NotBlank @Size(max = 128) String callId,
        @NotBlank @Size(max = 128) String customerId,
        @Size(max = 128) String agentId,
        @NotNull OffsetDateTime startedAt,
        @NotNull @PositiveOrZero @Max(86_400) Integer durationSeconds,
        @NotEmpty @Size(max = 5_000) List<@NotNull @Valid Turn> turns,
        @LanguageTag String language,
        @Size(max = 64) String product) {

    /** One turn of the conversation. */
    @RegisterForReflection
    public record Turn(@NotNull Speaker speaker, @NotNull @PositiveOrZero Double offsetSeconds, @FreeText String text) {
    }

    /** The whole conversation is one text for the size limit. */
    @JsonIgnore
    @AssertTrue(message = "the turns' texts must total at most " + SentimentAnalyzer.MAX_TEXT_CHARS + " characters")
    public boolean isTurnsWithinSizeLimit() {
        return turns == null || turns.stream().filter(t -> t != null && t.text() != null)
                .mapToLong(t -> t.text().length()).sum() <= SentimentAnalyzer.MAX_TEXT_CHARS;
    }

    /** "Agent: …" and "Customer: …", a line per turn. */
    public String transcriptText() {
        return turns.stream().map(t -> t.speaker().label() + ": " + t.text()).collect(Collectors.joining("\n"));
    }

    /** The same transcript with personal data redacted from every turn (itself when there was none). */
    public CallTranscriptRecord redacted() {
        List<Turn> clean = new ArrayList<>(turns.size());
        boolean changed = false;
        for (Turn t : turns) {
            String text = Redaction.redact(t.text());
            changed |= !Redaction.clean(t.text(), text);
            clean.add(new Turn(t.speaker(), t.offsetSeconds(), text));
        }
        return changed ? new CallTranscriptRecord(transcriptId, callId, customerId, agentId, startedAt,
                durationSeconds, clean, language, product) : this;
    }
}
