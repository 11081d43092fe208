package org.retailcx.sentiment.ingest;

import static org.retailcx.platform.medallion.MedallionSource.Column.of;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.DataQualityRule;
import org.retailcx.platform.medallion.EventSource;
import org.retailcx.platform.medallion.MedallionDomain;
import org.retailcx.platform.medallion.MedallionSource;
import org.retailcx.platform.medallion.MedallionSource.Access;
import org.retailcx.platform.security.Roles;
import org.retailcx.schema.EventCatalog;

/**
 * What sentiment-service ingests: one source per channel of customer text, every record redacted of personal data
 * before bronze ({@code beforeBronze}), and clv-service's customer-value predictions as churn signals. "Future" in the rules allows a day of clock skew between systems.
 */
@ApplicationScoped
public class SentimentSources implements MedallionDomain {

    /** Machine feeds (contact centre, chat, mail, survey and social-listening platforms) write; CX analysts read. */
    static final Access FEED = Access.of(Set.of(Roles.SERVICE, Roles.ADMIN), Set.of(Roles.SERVICE, Roles.ADMIN),
            Set.of(Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN));

    private static DataQualityRule notInFuture(String column, String field) {
        return new DataQualityRule("time-not-in-future", field, "b." + column + " > now() + interval '1 day'",
                "'" + field + " ' || b." + column + " || ' is in the future'");
    }

    public static final MedallionSource<CallTranscriptRecord> CALLS = MedallionSource
            .of("calls", CallTranscriptRecord.class)
            .table("bronze.retail_call_transcripts").id("transcriptId", CallTranscriptRecord::transcriptId)
            .access(FEED).defaultSourceSystem("contact-centre").customerColumn("customer_id")
            .beforeBronze(CallTranscriptRecord::redacted)
            .rules(List.of(notInFuture("started_at", "startedAt"),
                    new DataQualityRule("turn-within-call", "turns",
                            "exists (select 1 from jsonb_array_elements(b.turns) t"
                                    + " where (t ->> 'offsetSeconds')::numeric > b.duration_seconds)",
                            "'a turn starts after the call ended (durationSeconds ' || b.duration_seconds || ')'"),
                    new DataQualityRule("customer-speaks", "turns",
                            "not exists (select 1 from jsonb_array_elements(b.turns) t"
                                    + " where t ->> 'speaker' = 'Customer')",
                            "'the transcript has no Customer turn'")))
            .columns(of("transcript_id", CallTranscriptRecord::transcriptId),
                    of("call_id", CallTranscriptRecord::callId), of("customer_id", CallTranscriptRecord::customerId),
                    of("agent_id", CallTranscriptRecord::agentId), of("started_at", CallTranscriptRecord::startedAt),
                    of("duration_seconds", CallTranscriptRecord::durationSeconds),
                    of("transcript_text", "turns", CallTranscriptRecord::transcriptText),
                    of("turns", CallTranscriptRecord::turns), of("language", CallTranscriptRecord::language),
                    of("product", CallTranscriptRecord::product))
            .build();

    public static final MedallionSource<ChatMessageRecord> CHATS = MedallionSource
            .of("chats", ChatMessageRecord.class)
            .table("bronze.retail_chat_sentiment").id("messageId", ChatMessageRecord::messageId)
            .access(FEED).defaultSourceSystem("chat").customerColumn("customer_id")
            .beforeBronze(ChatMessageRecord::redacted)
            .rules(List.of(notInFuture("sent_at", "sentAt")))
            .columns(of("message_id", ChatMessageRecord::messageId), of("chat_id", ChatMessageRecord::chatId),
                    of("customer_id", ChatMessageRecord::customerId), of("agent_id", ChatMessageRecord::agentId),
                    of("sent_at", ChatMessageRecord::sentAt), of("sender", m -> m.sender().label()),
                    of("message", ChatMessageRecord::message),
                    of("escalation_flag", ChatMessageRecord::escalationFlag),
                    of("language", ChatMessageRecord::language), of("product", ChatMessageRecord::product))
            .build();

    public static final MedallionSource<EmailRecord> EMAILS = MedallionSource
            .of("emails", EmailRecord.class)
            .table("bronze.retail_email_sentiment").id("emailId", EmailRecord::emailId)
            .access(FEED).defaultSourceSystem("mail").customerColumn("customer_id")
            .beforeBronze(EmailRecord::redacted)
            .rules(List.of(notInFuture("sent_at", "sentAt")))
            .columns(of("email_id", EmailRecord::emailId), of("customer_id", EmailRecord::customerId),
                    of("sent_at", EmailRecord::sentAt), of("direction", e -> e.direction().label()),
                    of("subject", EmailRecord::subject), of("body", EmailRecord::body),
                    of("urgency_flag", EmailRecord::urgencyFlag), of("language", EmailRecord::language),
                    of("product", EmailRecord::product))
            .build();

    public static final MedallionSource<SurveyVerbatimRecord> SURVEYS = MedallionSource
            .of("surveys", SurveyVerbatimRecord.class)
            .table("bronze.retail_survey_verbatim").id("responseId", SurveyVerbatimRecord::responseId)
            .access(FEED).defaultSourceSystem("survey").customerColumn("customer_id")
            .beforeBronze(SurveyVerbatimRecord::redacted)
            .rules(List.of(notInFuture("responded_at", "respondedAt")))
            .columns(of("response_id", SurveyVerbatimRecord::responseId),
                    of("survey_id", SurveyVerbatimRecord::surveyId),
                    of("customer_id", SurveyVerbatimRecord::customerId),
                    of("responded_at", SurveyVerbatimRecord::respondedAt),
                    of("question", SurveyVerbatimRecord::question), of("response", SurveyVerbatimRecord::response),
                    of("rating", SurveyVerbatimRecord::rating), of("language", SurveyVerbatimRecord::language),
                    of("product", SurveyVerbatimRecord::product))
            .build();

    public static final MedallionSource<SocialMentionRecord> SOCIAL = MedallionSource
            .of("social", SocialMentionRecord.class)
            .table("bronze.retail_social_media_mentions").id("mentionId", SocialMentionRecord::mentionId)
            .access(FEED).defaultSourceSystem("social-listening").customerColumn("customer_id")
            .beforeBronze(SocialMentionRecord::redacted)
            .rules(List.of(notInFuture("posted_at", "postedAt")))
            .columns(of("mention_id", SocialMentionRecord::mentionId),
                    of("platform", SocialMentionRecord::platform),
                    of("customer_id", SocialMentionRecord::customerId),
                    of("posted_at", SocialMentionRecord::postedAt), of("text", SocialMentionRecord::text),
                    of("likes", SocialMentionRecord::likes), of("shares", SocialMentionRecord::shares),
                    of("comments", SocialMentionRecord::comments),
                    of("brand_mention_flag", SocialMentionRecord::brandMentionFlag),
                    of("language", SocialMentionRecord::language), of("product", SocialMentionRecord::product))
            .build();

    /** clv-service's predictions: churn signals to set sentiment beside (also writable by a feed, e.g. a backfill). */
    public static final MedallionSource<CustomerValueRecord> CUSTOMER_VALUE = MedallionSource
            .of("customer-value", CustomerValueRecord.class)
            .table("bronze.retail_customer_value_signals").id("signalId", CustomerValueRecord::signalId)
            .access(FEED).defaultSourceSystem("clv-service").customerColumn("customer_id")
            .columns(of("customer_id", CustomerValueRecord::customerId),
                    of("model_version", CustomerValueRecord::modelVersion),
                    of("prediction_date", CustomerValueRecord::predictionDate),
                    of("probability_alive", CustomerValueRecord::probabilityAlive),
                    of("decile", CustomerValueRecord::decile),
                    of("predicted_clv_lifetime", CustomerValueRecord::predictedClvLifetime))
            .build();

    /** External NLP vendors' results for the bank's texts, to compare with this service's own (no text, no rules). */
    public static final MedallionSource<VendorSentimentRecord> VENDOR_RESULTS = MedallionSource
            .of("vendor-results", VendorSentimentRecord.class)
            .table("bronze.retail_sentiment_analysis_results").id("sentimentId", VendorSentimentRecord::sentimentId)
            .access(FEED).defaultSourceSystem("nlp-vendor")
            .beforeBronze(VendorSentimentRecord::redacted)
            .columns(of("sentiment_id", VendorSentimentRecord::sentimentId),
                    of("source_id", VendorSentimentRecord::sourceId),
                    of("source_type", r -> r.sourceType().code()),
                    of("sentiment_score", VendorSentimentRecord::sentimentScore),
                    of("sentiment_label", "sentimentLabel", VendorSentimentRecord::label),
                    of("magnitude", VendorSentimentRecord::magnitude),
                    of("confidence", VendorSentimentRecord::confidence),
                    of("keywords_extracted", VendorSentimentRecord::keywordsExtracted),
                    of("topics_detected", VendorSentimentRecord::topicsDetected),
                    of("language", VendorSentimentRecord::language),
                    of("nlp_model_version", VendorSentimentRecord::nlpModelVersion),
                    of("analysed_at", VendorSentimentRecord::analysedAt))
            .build();

    public static final EventSource<?, ?> CLV_PREDICTIONS = new EventSource<>(
            EventCatalog.CLV_CUSTOMER_VALUE_PREDICTED, CUSTOMER_VALUE, "clv-service",
            p -> new CustomerValueRecord(p.customerId(), p.modelVersion(), p.predictionDate(), p.probabilityAlive(),
                    p.decile(), p.predictedClvLifetime()));

    @Override
    public String domain() {
        return "sentiment";
    }

    @Override
    public List<MedallionSource<?>> sources() {
        return List.of(CALLS, CHATS, EMAILS, SURVEYS, SOCIAL, CUSTOMER_VALUE, VENDOR_RESULTS);
    }

    @Override
    public List<EventSource<?, ?>> eventSources() {
        return List.of(CLV_PREDICTIONS);
    }

    @Override
    public Set<String> operatorRoles() {
        return Set.of(Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN);
    }
}
