-- Recommendation: customer × product interactions, versioned recommender models and the serving log.

-- ---------------------------------------------------------------- bronze (as received, append-only)
-- Implicit signals per customer and product: from the app/web/branch feeds in bulk, from won sales (events) and
-- from recommendation feedback. implicit_rating is the funnel step (view, click, add to cart, purchase);
-- interaction_type is the source's own label for what happened (page_view, closed-won, ...).
create table bronze.retail_collaborative_filtering_data (
    bronze_id             bigserial primary key,
    source_system         text        not null,
    source_record_id      text        not null,     -- the source's interaction id (opportunity id for a won sale)
    batch_id              uuid,
    event_id              text,                     -- ce_id when the row came from an event
    received_at           timestamptz not null default now(),
    payload               jsonb       not null,
    customer_id           text        not null,
    product_id            text        not null,
    interaction_type      text,
    interaction_timestamp timestamptz not null,
    interaction_value     numeric(18, 2),
    implicit_rating       text        not null
);
create index retail_collaborative_filtering_data_by_batch on bronze.retail_collaborative_filtering_data (batch_id);

-- Every list served, one row per recommended product: the recommendation id is what feedback refers to.
create table bronze.retail_product_recommendations (
    bronze_id              bigserial primary key,
    source_system          text        not null,
    source_record_id       text        not null,    -- the recommendation id
    batch_id               uuid,
    received_at            timestamptz not null default now(),
    payload                jsonb       not null,
    recommendation_id      text        not null,
    customer_id            text        not null,
    session_id             text,
    recommended_product_id text        not null,
    rank                   integer     not null,
    score                  double precision not null,
    algorithm              text        not null,
    model_version          integer,                 -- null: served by the cold-start fallback without a model
    context                text        not null,
    timestamp              timestamptz not null,
    reason                 text        not null
);
create index retail_product_recommendations_by_id on bronze.retail_product_recommendations (recommendation_id);
create index retail_product_recommendations_by_customer
    on bronze.retail_product_recommendations (customer_id, timestamp);

-- ---------------------------------------------------------------- silver
-- Valid interactions, one per (source system, source record id): a later version of the same record replaces it.
-- implicit_rating is normalised to the model's spelling: view, click, add to cart, purchase.
create table silver.customer_product_interaction (
    source_system         text        not null,
    source_record_id      text        not null,
    customer_id           text        not null,
    product_id            text        not null,
    interaction_type      text,
    implicit_rating       text        not null check (implicit_rating in ('view', 'click', 'add to cart', 'purchase')),
    interaction_timestamp timestamptz not null,
    interaction_value     numeric(18, 2),
    bronze_id             bigint      not null,     -- lineage
    primary key (source_system, source_record_id)
);
create index customer_product_interaction_by_customer
    on silver.customer_product_interaction (customer_id, interaction_timestamp);
create index customer_product_interaction_by_time on silver.customer_product_interaction (interaction_timestamp);

-- ---------------------------------------------------------------- gold
create table gold.dim_recommendation_algorithm (
    algorithm_key integer primary key,
    algorithm     text not null unique,             -- the API's name: sar, als, ...
    name          text not null,
    family        text not null                     -- Popularity, Collaborative, Content-Based, Hybrid
);
insert into gold.dim_recommendation_algorithm values
    (1, 'popularity', 'Most popular products', 'Popularity'),
    (2, 'sar', 'Smart Adaptive Recommendations (item co-occurrence)', 'Collaborative'),
    (3, 'item-knn', 'Item-item k nearest neighbours', 'Collaborative'),
    (4, 'als', 'Implicit-feedback matrix factorisation (ALS, Hu-Koren-Volinsky)', 'Collaborative'),
    (5, 'bpr', 'Bayesian personalised ranking', 'Collaborative'),
    (6, 'content-based', 'Content-based on product attributes', 'Content-Based'),
    (7, 'hybrid', 'Weighted blend of recommenders', 'Hybrid');

-- One row per trained version. A version is reproducible: its interactions are the valid bronze rows up to
-- bronze_cutoff (newest version of each record) whose timestamp lies in [window_from, window_to), and every fit
-- is deterministic for its parameters (seeds included), so each replica refits it identically on first use.
create table gold.dim_recommendation_model (
    model_version   integer     primary key,
    algorithm_key   integer     not null references gold.dim_recommendation_algorithm (algorithm_key),
    parameters      jsonb       not null,
    window_from     timestamptz not null,
    window_to       timestamptz not null,
    bronze_cutoff   bigint      not null,
    interactions    integer     not null,
    pairs           integer     not null,
    customers       integer     not null,
    products        integer     not null,
    fit_millis      bigint      not null,
    trigger         text        not null,           -- api | schedule
    trained_at      timestamptz not null default now(),
    trained_by      text        not null,
    active          boolean     not null default false,
    activated_at    timestamptz,
    activated_by    text
);
create unique index dim_recommendation_model_one_active on gold.dim_recommendation_model (active) where active;
