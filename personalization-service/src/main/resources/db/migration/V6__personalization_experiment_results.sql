-- Personalization: stored experiment results, one row per experiment x metric x treatment variation (against the
-- control), kept current by the promotion of exposures (only the batch's experiments are recomputed), alpha 0.05.
create table silver.retail_ab_test_results (
    experiment_id          text             not null,
    metric                 text             not null,
    variation              text             not null,
    control_variation      text             not null,
    control_units          bigint           not null,
    units                  bigint           not null,
    control_mean           double precision not null,
    mean                   double precision not null,
    relative_effect        double precision not null,
    relative_ci_lower      double precision not null,
    relative_ci_upper      double precision not null,
    relative_p_value       double precision not null,
    absolute_effect        double precision not null,
    absolute_ci_lower      double precision not null,
    absolute_ci_upper      double precision not null,
    absolute_p_value       double precision not null,
    chance_to_win          double precision not null,
    risk_control           double precision not null,
    risk_treatment         double precision not null,
    sequential_ci_lower    double precision not null,
    sequential_ci_upper    double precision not null,
    cuped                  boolean          not null,
    holm_p_value           double precision not null,
    bh_p_value             double precision not null,
    srm_p_value            double precision not null,
    sample_ratio_mismatch  boolean          not null,
    alpha                  double precision not null,
    data_as_of             timestamptz      not null,  -- the latest assignment date among the analysed units
    computed_at            timestamptz      not null default now(),
    primary key (experiment_id, metric, variation)
);

-- Whether an experiment's data currently show a sample ratio mismatch, and since when: the SRM detected event is
-- raised when this turns from not mismatched (or absent) to mismatched, so once per onset.
create table silver.retail_ab_test_srm_state (
    experiment_id text             primary key,
    mismatched    boolean          not null,
    p_value       double precision not null,
    onset_at      timestamptz,
    checked_at    timestamptz      not null default now()
);
