package org.retailcx.sales.pipeline;


import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A rep's plan, rate or quota change reprices their won deals (adjustment lines for the difference), so that the
 * ledger always matches the terms in force; reps loaded before their deals cost nothing here.
 */
@ApplicationScoped
public class CommissionRepListener implements BronzeListener {

    private final CommissionEngine engine;

    public CommissionRepListener(CommissionEngine engine) {
        this.engine = engine;
    }

    @Override
    public String source() {
        return SalesSources.REPS.name();
    }

    /** After the rep dimension (200) took the new version. */
    @Override
    public int order() {
        return 250;
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return engine.repriceReps(tx, batches);
    }
}
