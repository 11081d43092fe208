package org.retailcx.sentiment.pipeline;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.sentiment.ingest.SentimentSources;

/** Bronze vendor results → each result's newest version, matched to this service's analysis when compared. */
@ApplicationScoped
public class VendorResults extends NewestVersions {

    private static final String LATEST = """
            insert into silver.vendor_sentiment_result (sentiment_id, channel, source_record_id, sentiment_score,
                sentiment_label, magnitude, confidence, nlp_model_version, bronze_id)
            select distinct on (b.sentiment_id) b.sentiment_id, b.source_type, b.source_id, b.sentiment_score,
                b.sentiment_label, b.magnitude, b.confidence, b.nlp_model_version, b.bronze_id
            from bronze.retail_sentiment_analysis_results b where %s
            order by b.sentiment_id, b.bronze_id desc
            on conflict (sentiment_id) do update set channel = excluded.channel,
                source_record_id = excluded.source_record_id, sentiment_score = excluded.sentiment_score,
                sentiment_label = excluded.sentiment_label, magnitude = excluded.magnitude,
                confidence = excluded.confidence, nlp_model_version = excluded.nlp_model_version,
                bronze_id = excluded.bronze_id""";

    public VendorResults() {
        super(SentimentSources.VENDOR_RESULTS.name(), "silver.vendor_sentiment_result", 160, LATEST);
    }
}
