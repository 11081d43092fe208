package org.retailcx.sales.pipeline;

/**
 * The one rule for which {@code gold.dim_sales_rep} version a dated row belongs to: the version in force on the day,
 * else (the day predates the rep) the rep's first version. Two probes of the (rep_id, valid_from) index, so it costs
 * the same for a rep with one version or fifty.
 */
public final class RepVersions {

    private RepVersions() {
    }

    /** An SQL expression: the rep key of rep {@code repId} (an SQL expression) on {@code day} (an SQL date). */
    public static String keyOn(String repId, String day) {
        return """
                coalesce((select v.rep_key from gold.dim_sales_rep v where v.rep_id = %1$s and v.valid_from <= %2$s
                          order by v.valid_from desc limit 1),
                         (select v.rep_key from gold.dim_sales_rep v where v.rep_id = %1$s
                          order by v.valid_from limit 1))""".formatted(repId, day);
    }
}
