-- Propensity calibration per model version: the isotonic map from affinity (score percentile) to the probability of
-- take-up, and its reliability by decile on held-out customers before and after (model/PropensityCalibration).
create table gold.dim_recommendation_calibration (
    model_version  integer     primary key references gold.dim_recommendation_model (model_version),
    method         text        not null,            -- isotonic
    train_ratio    double precision not null,
    seed           bigint      not null,
    customers      integer     not null,            -- sampled customers with held-out pairs (half fit, half report)
    fit_trials     integer     not null,
    report_trials  integer     not null,
    positives      integer     not null,
    lower_bounds   double precision[] not null,     -- affinity from which each step holds
    probabilities  double precision[] not null,
    uncalibrated   jsonb       not null,            -- reliability by decile, ECE, Brier of affinity as a probability
    calibrated     jsonb       not null,            -- the same after the map
    fitted_at      timestamptz not null default now(),
    fitted_by      text        not null
);
