package org.retailcx.platform.medallion;

import static org.retailcx.platform.medallion.MedallionSource.Column.of;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.security.Roles;
import org.retailcx.schema.EventCatalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The medallion domain of platform-runtime's own tests ({@code /api/v1/medallion-test}): {@code produced}, records
 * the service writes itself ({@link InternalAppend}), with a rule, a silver listener and an outbox listener; and
 * {@code feed}, a source clients write, for contrast, whose promotion is slow on purpose.
 */
@ApplicationScoped
public class TestMedallionDomain implements MedallionDomain {

    @RegisterForReflection
    public record Produced(String recordId, String customerId, BigDecimal amount) {
    }

    @RegisterForReflection
    public record Fed(String recordId, String customerId) {
    }

    public static final MedallionSource<Produced> PRODUCED = MedallionSource.of("produced", Produced.class)
            .table("bronze.test_produced").id("recordId", Produced::recordId)
            .internal(Set.of(Roles.DATA_SCIENTIST, Roles.ADMIN)).defaultSourceSystem("platform-runtime-test")
            .customerColumn("customer_id")
            .rules(List.of(new DataQualityRule("amount-positive", "amount", "b.amount <= 0",
                    "'amount must be positive, was ' || b.amount")))
            .columns(of("customer_id", Produced::customerId), of("amount", Produced::amount))
            .build();

    public static final MedallionSource<Fed> FEED = MedallionSource.of("feed", Fed.class)
            .table("bronze.test_feed").id("recordId", Fed::recordId)
            .access(MedallionSource.Access.of(Set.of(Roles.SERVICE, Roles.ADMIN), Set.of(Roles.SERVICE, Roles.ADMIN),
                    Set.of(Roles.ADMIN)))
            .columns(of("customer_id", Fed::customerId))
            .build();

    @Override
    public String domain() {
        return "medallion-test";
    }

    @Override
    public List<MedallionSource<?>> sources() {
        return List.of(PRODUCED, FEED);
    }

    @Override
    public Set<String> operatorRoles() {
        return Set.of(Roles.DATA_SCIENTIST, Roles.ADMIN);
    }

    /** Bronze → silver for produced records that passed the rule. */
    @ApplicationScoped
    public static class ProducedSilver implements BronzeListener {

        @Override
        public String source() {
            return PRODUCED.name();
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery("""
                    insert into silver.test_produced (record_id, customer_id, amount, bronze_id)
                    select b.source_record_id, b.customer_id, b.amount, b.bronze_id from bronze.test_produced b
                    where b.batch_id = any($1) and\s""" + Quarantine.notQuarantined(PRODUCED))
                    .execute(batches.tuple()).replaceWith(0);
        }
    }

    /** Makes a feed batch's promotion outlast the promoter's first status check (500 ms) of an awaited write. */
    @ApplicationScoped
    public static class SlowFeed implements BronzeListener {

        @Override
        public String source() {
            return FEED.name();
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.query("select pg_sleep(1.5)").execute().replaceWith(0);
        }
    }

    /** Announces each produced record that reached silver (as a closed-won deal: any contract would do). */
    @ApplicationScoped
    public static class ProducedEvents implements BronzeListener {

        private final Outbox outbox;

        public ProducedEvents(Outbox outbox) {
            this.outbox = outbox;
        }

        @Override
        public String source() {
            return PRODUCED.name();
        }

        @Override
        public int order() {
            return 200;
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return outbox.appendAll(tx, EventCatalog.SALES_OPPORTUNITY_CLOSED_WON, """
                    select s.record_id as subject, s.customer_id as record_key, jsonb_build_object(
                        'opportunityId', s.record_id, 'customerId', s.customer_id, 'product', 'loan',
                        'amount', s.amount, 'currency', 'EUR', 'closeDate', date '2026-11-20') as data
                    from silver.test_produced s join bronze.test_produced b using (bronze_id)
                    where b.batch_id = any($1) order by s.bronze_id""", batches.tuple())
                    .map(Long::intValue);
        }
    }
}
