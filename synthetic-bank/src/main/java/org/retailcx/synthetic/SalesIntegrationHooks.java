package org.retailcx.synthetic;

import java.io.PrintStream;
import java.net.URI;

import org.retailcx.synthetic.sales.SalesDataset;

/**
 * The calls that go with loading the sales organisation but belong to features built on other branches:
 * commission plans before the sources (so commissions are computed as deals are won), and after them the
 * lead-scoring model, the pipeline snapshot backfill and the customer-value (clv) data.
 */
final class SalesIntegrationHooks {

    record Context(ApiClient sales, URI clvUrl, String token, SalesDataset dataset, PrintStream out) {
    }

    private SalesIntegrationHooks() {
    }

    /** Before the first source: PUT /api/v1/sales/commission-plans/{id} for each of dataset.commissionPlans(). */
    static void beforeSources(Context c) {
    }

    /**
     * After the last source: POST /api/v1/sales/lead-scoring/models (train on the loaded leads), POST
     * /api/v1/sales/pipeline/snapshots?from=&to= (backfill the history's days), and the clv loader.
     */
    static void afterSources(Context c) {
    }
}
