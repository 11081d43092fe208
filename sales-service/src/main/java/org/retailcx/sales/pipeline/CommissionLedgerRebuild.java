package org.retailcx.sales.pipeline;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.LayerRebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The ledger is append-only (lines were announced), so its rebuild reprices every period and books only what the
 * ledger lacks: nothing, when it is consistent with the golden opportunities.
 */
@ApplicationScoped
public class CommissionLedgerRebuild implements LayerRebuild {

    private final CommissionEngine engine;

    public CommissionLedgerRebuild(CommissionEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "silver.retail_sales_commission_line";
    }

    /** A silver table, but priced with gold.dim_sales_rep (200–299), so after it. */
    @Override
    public int order() {
        return 290;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return engine.recalculate(tx, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31)).replaceWithVoid();
    }
}
