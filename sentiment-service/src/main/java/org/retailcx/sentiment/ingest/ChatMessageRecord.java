package org.retailcx.sentiment.ingest;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One chat message; the chat id groups a conversation, the sender says whose words they are. */
@RegisterForReflection
public record ChatMessageRecord(
        @NotBlank @Size(max = 128) String messageId,
        @NotBlank @Size(max = 128) String chatId,
        @NotBlank @Size(max = 128) String customerId,
        @Size(max = 128) String agentId,
        @NotNull OffsetDateTime sentAt,
        @NotNull Speaker sender,
        @FreeText String message,
        boolean escalationFlag,
        @LanguageTag String language,
        @Size(max = 64) String product) {

    public ChatMessageRecord redacted() {
        String clean = Redaction.redact(message);
        return Redaction.clean(message, clean) ? this : new ChatMessageRecord(messageId, chatId, customerId, agentId,
                sentAt, sender, clean, escalationFlag, language, product);
    }
}
