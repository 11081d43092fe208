-- Recommendation feedback: what happened to each served recommendation, the served lists in silver, performance.

-- ---------------------------------------------------------------- bronze
create table bronze.retail_recommendation_feedback (
    bronze_id          bigserial primary key,
    source_system      text        not null,
    source_record_id   text        not null,      -- the feedback id
    batch_id           uuid,
    received_at        timestamptz not null default now(),
    payload            jsonb       not null,
    recommendation_id  text        not null,
    customer_id        text        not null,
    displayed          boolean     not null,
    clicked            boolean     not null,
    dismissed          boolean     not null,
    converted          boolean     not null,
    conversion_amount  numeric(18, 2),
    dwell_time_seconds integer,
    feedback_timestamp timestamptz not null
);
create index retail_recommendation_feedback_by_batch on bronze.retail_recommendation_feedback (batch_id);

-- ---------------------------------------------------------------- silver
-- The served lists, one row per recommended product, written with the bronze log in the serving statement.
create table silver.retail_recommendations_enriched (
    recommendation_id text        primary key,
    customer_id       text        not null,
    session_id        text,
    product_id        text        not null,
    rank              integer     not null,
    score             double precision not null,
    algorithm         text        not null,
    model_version     integer,
    context           text        not null,
    served_at         timestamptz not null,
    reason            text        not null,
    bronze_id         bigint      not null
);
create index retail_recommendations_enriched_by_time on silver.retail_recommendations_enriched (served_at);
create index retail_recommendations_enriched_by_customer on silver.retail_recommendations_enriched (customer_id);

-- Valid feedback records, newest version of each feedback id.
create table silver.recommendation_feedback (
    feedback_id        text        primary key,
    recommendation_id  text        not null references silver.retail_recommendations_enriched (recommendation_id),
    customer_id        text        not null,
    displayed          boolean     not null,
    clicked            boolean     not null,
    dismissed          boolean     not null,
    converted          boolean     not null,
    conversion_amount  numeric(18, 2),
    dwell_time_seconds integer,
    feedback_timestamp timestamptz not null,
    bronze_id          bigint      not null
);
create index recommendation_feedback_by_recommendation on silver.recommendation_feedback (recommendation_id);

-- One row per recommendation with feedback: the funnel it reached over all its feedback records.
create table silver.retail_recommendation_performance (
    recommendation_id    text        primary key references silver.retail_recommendations_enriched (recommendation_id),
    displayed            boolean     not null,
    clicked              boolean     not null,
    dismissed            boolean     not null,
    converted            boolean     not null,
    conversion_amount    numeric(18, 2) not null,
    dwell_time_seconds   integer     not null,
    first_feedback_at    timestamptz not null,
    last_feedback_at     timestamptz not null,
    converted_at         timestamptz,
    conversion_announced boolean     not null default false
);

-- A version's feedback-derived interactions (clicks, conversions) are the valid feedback up to this bronze id.
alter table gold.dim_recommendation_model add column feedback_cutoff bigint not null default 0;

-- Each product's most similar products under a model version, written when the version is activated.
create table silver.retail_product_similarity_matrix (
    model_version      integer not null references gold.dim_recommendation_model (model_version),
    product_id         text    not null,
    similar_product_id text    not null,
    rank               integer not null,
    similarity         double precision not null,
    shared_customers   integer not null,          -- customers who interacted with both (the explanation)
    primary key (model_version, product_id, rank)
);
