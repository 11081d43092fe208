-- Sentiment: one bronze table per channel, as the source sent it after PII redaction (the record type's
-- beforeBronze step replaces card numbers, IBANs, ids, phones and e-mails by typed placeholders, so the raw values
-- are never stored, not even in payload). Append-only; every row carries the shared ingestion metadata.

create table bronze.retail_call_transcripts (
    bronze_id        bigserial   primary key,
    source_system    text        not null,
    source_record_id text        not null,            -- the transcript id
    batch_id         uuid,
    received_at      timestamptz not null default now(),
    payload          jsonb       not null,
    transcript_id    text        not null,
    call_id          text        not null,
    customer_id      text        not null,
    agent_id         text,
    started_at       timestamptz not null,
    duration_seconds integer     not null,
    transcript_text  text        not null,            -- "Agent: …\nCustomer: …", one line per turn
    turns            jsonb       not null,            -- [{speaker: Agent|Customer, offsetSeconds, text}]
    language         text,
    product          text
);
create index retail_call_transcripts_by_batch on bronze.retail_call_transcripts (batch_id);

create table bronze.retail_chat_sentiment (
    bronze_id        bigserial   primary key,
    source_system    text        not null,
    source_record_id text        not null,            -- the message id
    batch_id         uuid,
    received_at      timestamptz not null default now(),
    payload          jsonb       not null,
    message_id       text        not null,
    chat_id          text        not null,
    customer_id      text        not null,
    agent_id         text,
    sent_at          timestamptz not null,
    sender           text        not null,            -- Customer | Agent
    message          text        not null,
    escalation_flag  boolean     not null,
    language         text,
    product          text
);
create index retail_chat_sentiment_by_batch on bronze.retail_chat_sentiment (batch_id);

create table bronze.retail_email_sentiment (
    bronze_id        bigserial   primary key,
    source_system    text        not null,
    source_record_id text        not null,            -- the e-mail id
    batch_id         uuid,
    received_at      timestamptz not null default now(),
    payload          jsonb       not null,
    email_id         text        not null,
    customer_id      text        not null,
    sent_at          timestamptz not null,
    direction        text        not null,            -- Inbound (from the customer) | Outbound
    subject          text,
    body             text        not null,
    urgency_flag     boolean     not null,
    language         text,
    product          text
);
create index retail_email_sentiment_by_batch on bronze.retail_email_sentiment (batch_id);

create table bronze.retail_survey_verbatim (
    bronze_id        bigserial   primary key,
    source_system    text        not null,
    source_record_id text        not null,            -- the response id
    batch_id         uuid,
    received_at      timestamptz not null default now(),
    payload          jsonb       not null,
    response_id      text        not null,
    survey_id        text        not null,
    customer_id      text        not null,
    responded_at     timestamptz not null,
    question         text        not null,
    response         text        not null,
    rating           integer,                         -- the survey's own score (e.g. NPS 0..10), if any
    language         text,
    product          text
);
create index retail_survey_verbatim_by_batch on bronze.retail_survey_verbatim (batch_id);

create table bronze.retail_social_media_mentions (
    bronze_id          bigserial   primary key,
    source_system      text        not null,
    source_record_id   text        not null,          -- the mention id
    batch_id           uuid,
    received_at        timestamptz not null default now(),
    payload            jsonb       not null,
    mention_id         text        not null,
    platform           text        not null,
    customer_id        text,                          -- when the social handle is matched to a customer
    posted_at          timestamptz not null,
    text               text        not null,
    likes              integer     not null,
    shares             integer     not null,
    comments           integer     not null,
    brand_mention_flag boolean     not null,
    language           text,
    product            text
);
create index retail_social_media_mentions_by_batch on bronze.retail_social_media_mentions (batch_id);
