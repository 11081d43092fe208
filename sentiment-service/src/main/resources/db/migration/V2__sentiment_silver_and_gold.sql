-- Sentiment: silver analysed documents, topics and trends; gold dimensions and facts; at-risk alerts.

-- ---------------------------------------------------------------- silver
-- One analysed document per channel record (newest bronze version wins), on one −1..1 scale across channels.
-- customer_voice: the customer wrote or said it (not an agent's chat line, not an outbound e-mail); only the
-- customer's voice counts toward customer sentiment, every document counts toward topics and drivers.
create table silver.retail_sentiment_unified (
    channel           text        not null,           -- call | chat | email | survey | social
    source_record_id  text        not null,
    customer_id       text,
    agent_id          text,
    conversation_id   text,                           -- call id, chat id, survey id
    product           text,
    occurred_at       timestamptz not null,
    occurred_on       date        not null,           -- occurred_at's UTC day: the trends' and facts' grain
    customer_voice    boolean     not null,
    language          text        not null,           -- ISO 639-3 ('eng'), 'und' when there are no words
    language_reliable boolean     not null,
    status            text        not null,           -- ANALYSED | NOT_ANALYSED_UNSUPPORTED_LANGUAGE | NOT_ANALYSED_NO_WORDS
    sentiment_score   double precision,               -- −1..1, null when not analysed
    sentiment_label   text,                           -- positive | neutral | negative
    magnitude         double precision,               -- 0..1
    confidence        double precision,
    keywords          text[]      not null,
    topics            text[]      not null,
    leave_intent      text,                           -- the phrase voicing intent to leave, if any
    start_score       double precision,               -- calls: the customer's first turn
    end_score         double precision,               -- calls: the customer's last turn
    redacted_text     text        not null,
    redactions        jsonb       not null,           -- {"CARD": 1, ...}: what was removed, never the value
    sentences         jsonb       not null,
    model_version     text        not null,
    bronze_id         bigint      not null,           -- lineage
    batch_id          uuid        not null,
    analysed_at       timestamptz not null default now(),
    primary key (channel, source_record_id)
);
create index retail_sentiment_unified_by_customer on silver.retail_sentiment_unified (customer_id, occurred_on);
create index retail_sentiment_unified_by_day on silver.retail_sentiment_unified (channel, occurred_on);
create index retail_sentiment_unified_by_batch on silver.retail_sentiment_unified (batch_id);
create index retail_sentiment_unified_by_agent on silver.retail_sentiment_unified (agent_id) where agent_id is not null;

-- A document's banking topics: how often, which terms, and the sentiment of the sentences that raise the topic.
create table silver.retail_topic_analysis (
    channel          text             not null,
    source_record_id text             not null,
    topic            text             not null,
    customer_id      text,
    product          text,
    occurred_on      date             not null,
    occurrences      integer          not null,
    terms            text[]           not null,
    topic_score      double precision not null,
    primary key (channel, source_record_id, topic),
    foreign key (channel, source_record_id) references silver.retail_sentiment_unified on delete cascade
);
create index retail_topic_analysis_by_day on silver.retail_topic_analysis (channel, occurred_on);

-- Customer-voice sentiment per customer ('' = no known customer), channel, product ('' = none), topic ('all' =
-- every document) and day.
create table silver.retail_sentiment_trends (
    customer_id        text             not null,
    channel            text             not null,
    product            text             not null,
    topic              text             not null,
    period_start       date             not null,
    documents          integer          not null,
    score_sum          double precision not null,
    mean_score         double precision not null,
    negative_documents integer          not null,
    leave_intents      integer          not null,
    primary key (customer_id, channel, product, topic, period_start)
);
create index retail_sentiment_trends_by_day on silver.retail_sentiment_trends (period_start, channel, topic);

-- Each customer's current sentiment: the mean of their customer-voice documents over the 30 days up to the latest.
-- previous_*: the state before the last update; changed_batch: the promotion (its first batch) in which the label
-- last changed, which queues the sentiment-changed event.
create table silver.customer_sentiment_state (
    customer_id     text             primary key,
    score           double precision not null,
    label           text             not null,
    documents       integer          not null,
    as_of           timestamptz      not null,
    previous_score  double precision,
    previous_label  text,
    changed_batch   uuid,
    updated_at      timestamptz      not null default now()
);
create index customer_sentiment_state_changed on silver.customer_sentiment_state (changed_batch);

-- A customer flagged at risk by one document: sentiment below the threshold or intent to leave. One per document
-- and reason, so a re-sent document does not alert twice.
create table silver.sentiment_alerts (
    alert_id         bigserial        primary key,
    customer_id      text             not null,
    channel          text             not null,
    source_record_id text             not null,
    reason           text             not null,       -- leave-intent | negative-sentiment
    score            double precision,
    threshold        double precision not null,
    leave_intent     text,
    topics           text[]           not null,
    occurred_at      timestamptz      not null,
    batch_id         uuid             not null,       -- the promotion (its first batch) that raised it
    raised_at        timestamptz      not null default now(),
    unique (channel, source_record_id, reason)
);
create index sentiment_alerts_by_batch on silver.sentiment_alerts (batch_id);
create index sentiment_alerts_by_customer on silver.sentiment_alerts (customer_id, alert_id);

-- ---------------------------------------------------------------- gold
create table gold.dim_date (
    date_key      integer primary key,        -- yyyymmdd
    calendar_date date    not null unique,
    year          integer not null,
    quarter       integer not null,
    month         integer not null,
    month_name    text    not null,
    iso_week      integer not null,
    day_of_week   integer not null,            -- ISO: 1 = Monday
    is_weekend    boolean not null,
    year_month    text    not null,
    year_quarter  text    not null
);
insert into gold.dim_date
select to_char(d, 'YYYYMMDD')::integer, d, extract(year from d), extract(quarter from d), extract(month from d),
       trim(to_char(d, 'Month')), extract(week from d), extract(isodow from d), extract(isodow from d) in (6, 7),
       to_char(d, 'YYYY-MM'), to_char(d, 'YYYY') || '-Q' || extract(quarter from d)
from generate_series(date '2000-01-01', date '2050-12-31', interval '1 day') as g(t), lateral (select t::date) x(d);

create table gold.dim_sentiment_source (
    source_key   serial primary key,
    channel      text not null unique,
    channel_name text not null,
    bronze_table text not null,
    text_domain  text not null                 -- which supervised model speaks for the channel
);
insert into gold.dim_sentiment_source (channel, channel_name, bronze_table, text_domain) values
    ('call', 'Call transcripts', 'bronze.retail_call_transcripts', 'CONVERSATIONAL'),
    ('chat', 'Chat messages', 'bronze.retail_chat_sentiment', 'CONVERSATIONAL'),
    ('email', 'E-mails', 'bronze.retail_email_sentiment', 'CONVERSATIONAL'),
    ('survey', 'Survey verbatims', 'bronze.retail_survey_verbatim', 'CONVERSATIONAL'),
    ('social', 'Social media mentions', 'bronze.retail_social_media_mentions', 'SOCIAL');

create table gold.dim_topic (
    topic_key  serial primary key,
    topic      text not null unique,
    topic_name text not null
);
insert into gold.dim_topic (topic, topic_name) values
    ('fees_and_charges', 'Fees and charges'), ('fraud_and_security', 'Fraud and security'), ('cards', 'Cards'),
    ('loans_and_mortgages', 'Loans and mortgages'), ('app_and_online_banking', 'App and online banking'),
    ('branch_and_staff', 'Branch and staff'), ('waiting_time', 'Waiting time'), ('interest_rates', 'Interest rates'),
    ('payments_and_transfers', 'Payments and transfers'), ('accounts', 'Accounts'),
    ('complaints_and_closure_intent', 'Complaints and closure intent'), ('customer_service', 'Customer service');

-- Grain: customer × day × channel, customer-voice documents only.
create table gold.fact_customer_sentiment (
    customer_id        text             not null,
    date_key           integer          not null references gold.dim_date,
    source_key         integer          not null references gold.dim_sentiment_source,
    documents          integer          not null,
    analysed_documents integer          not null,
    mean_score         double precision,
    min_score          double precision,
    mean_magnitude     double precision,
    negative_documents integer          not null,
    leave_intents      integer          not null,
    primary key (customer_id, date_key, source_key)
);
create index fact_customer_sentiment_by_date on gold.fact_customer_sentiment (date_key);

-- Grain: day × channel × driver (a topic or a keyword) over every analysed document: how often it came up and
-- the sentiment of the documents that raised it. Impact (mentions × how far their mean sits from the overall mean)
-- is computed over the range a query asks for.
create table gold.fact_sentiment_drivers (
    date_key          integer          not null references gold.dim_date,
    source_key        integer          not null references gold.dim_sentiment_source,
    driver_kind       text             not null,      -- topic | keyword
    driver            text             not null,
    mentions          integer          not null,
    score_sum         double precision not null,
    negative_mentions integer          not null,
    primary key (date_key, source_key, driver_kind, driver)
);
