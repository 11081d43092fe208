-- Lead scoring for data scientists (issue 11): learners beside logistic regression, grade cut-offs that can follow
-- the recent scored population, stored evaluations of held-out files and silver ranges, and a log of every score
-- the CRM leads got (the grade mix over time, and what drift monitoring needs later).

alter table silver.retail_sales_scoring_model
    add column learner             text  not null default 'logistic-regression',
    add column grading             jsonb not null default '{"basis": "training-quantiles"}',
    add column training_dataset_id text,
    add column code_version        text;

-- Grade cut-offs per model version, newest in force; a version's first row is written when it is trained.
create table silver.retail_sales_scoring_grade_cutoffs (
    version        integer     not null references silver.retail_sales_scoring_model (version),
    effective_from timestamptz not null default clock_timestamp(),
    basis          text        not null,   -- training-quantiles, recent-quantiles, conversion-targets
    minimum_a      float8      not null,
    minimum_b      float8      not null,
    minimum_c      float8      not null,
    population     integer,                -- recent-quantiles: scored leads the quantiles came from
    window_days    integer,
    primary key (version, effective_from)
);
insert into silver.retail_sales_scoring_grade_cutoffs (version, effective_from, basis, minimum_a, minimum_b, minimum_c)
select version, trained_at, 'training-quantiles', (model -> 'gradeThresholds' ->> 'minimumA')::float8,
       (model -> 'gradeThresholds' ->> 'minimumB')::float8, (model -> 'gradeThresholds' ->> 'minimumC')::float8
from silver.retail_sales_scoring_model;

create table silver.retail_sales_scoring_evaluation (
    evaluation_id bigserial   primary key,
    version       integer     not null references silver.retail_sales_scoring_model (version),
    source        text        not null,   -- upload or silver
    parameters    jsonb       not null default '{}',
    report        jsonb       not null,
    created_by    text,
    created_at    timestamptz not null default now()
);
create index retail_sales_scoring_evaluation_by_version on silver.retail_sales_scoring_evaluation (version, evaluation_id desc);

-- Append-only: each time a golden lead's probability, grade or model version changed.
create table silver.retail_sales_lead_score_log (
    golden_lead_id bigint      not null,
    version        integer     not null,
    probability    float8      not null,
    grade          text        not null,
    scored_at      timestamptz not null default now()
);
create index retail_sales_lead_score_log_by_version on silver.retail_sales_lead_score_log (version, scored_at);
