-- Sentiment results from external NLP vendors (the roadmap's retail_sentiment_analysis_results), kept beside this
-- service's own analysis of the same texts to compare the two; never used in its place.
create table bronze.retail_sentiment_analysis_results (
    bronze_id          bigserial   primary key,
    source_system      text        not null,
    source_record_id   text        not null,      -- the vendor's sentiment id
    batch_id           uuid,
    received_at        timestamptz not null default now(),
    payload            jsonb       not null,
    sentiment_id       text        not null,
    source_id          text        not null,      -- the text's id in its channel (message id, transcript id, ...)
    source_type        text        not null,      -- call | chat | email | survey | social
    sentiment_score    numeric(7, 6) not null,    -- −1..1
    sentiment_label    text        not null,      -- positive | neutral | negative
    magnitude          numeric(7, 6),
    confidence         numeric(7, 6),
    keywords_extracted jsonb,                     -- redacted like any text
    topics_detected    jsonb,
    language           text,
    nlp_model_version  text        not null,
    analysed_at        timestamptz
);
create index retail_sentiment_analysis_results_by_batch on bronze.retail_sentiment_analysis_results (batch_id);

-- Each vendor result's newest version.
create table silver.vendor_sentiment_result (
    sentiment_id      text          primary key,
    channel           text          not null,
    source_record_id  text          not null,
    sentiment_score   double precision not null,
    sentiment_label   text          not null,
    magnitude         double precision,
    confidence        double precision,
    nlp_model_version text          not null,
    bronze_id         bigint        not null
);
create index vendor_sentiment_result_by_text on silver.vendor_sentiment_result (channel, source_record_id);
