package org.retailcx.journey.pipeline.gold;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.journey.ingest.JourneySources;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.MedallionSource;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Keeps the gold star current for the customers of each promoted batch, after silver and the journeys ran. */
final class StarListeners {

    private StarListeners() {
    }

    static Uni<Integer> refresh(JourneyStar star, SqlConnection tx, MedallionSource<?> source, BronzeBatches batches) {
        return tx.preparedQuery("select distinct customer_id from " + source.table() + " where batch_id = any($1)")
                .execute(batches.tuple())
                .chain(rows -> {
                    List<String> customers = new ArrayList<>();
                    rows.forEach(r -> customers.add(r.getString(0)));
                    return star.refresh(tx, customers);
                })
                .replaceWith(0);
    }

    /** Events move journeys and bring conversions. */
    @ApplicationScoped
    static class Events implements BronzeListener {

        private final JourneyStar star;

        Events(JourneyStar star) {
            this.star = star;
        }

        @Override
        public String source() {
            return JourneySources.EVENTS.name();
        }

        @Override
        public int order() {
            return 200;
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return refresh(star, tx, JourneySources.EVENTS, batches);
        }
    }

    /** Touchpoints bring cost and change conversions' paths. */
    @ApplicationScoped
    static class Touchpoints implements BronzeListener {

        private final JourneyStar star;

        Touchpoints(JourneyStar star) {
            this.star = star;
        }

        @Override
        public String source() {
            return JourneySources.TOUCHPOINTS.name();
        }

        @Override
        public int order() {
            return 200;
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return refresh(star, tx, JourneySources.TOUCHPOINTS, batches);
        }
    }
}
