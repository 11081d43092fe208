package org.retailcx.sales.pipeline;


import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;
import org.retailcx.schema.EventCatalog;

import org.retailcx.platform.medallion.LayerRebuild;

import org.retailcx.platform.medallion.Quarantine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Referrals: data-quality rules, the current state per referral, and referral.converted the first time a referral
 * is Converted (a re-sent converted referral is not announced again).
 */
@ApplicationScoped
public class ReferralPipeline implements BronzeListener, LayerRebuild {

    static final String CURRENT = """
            insert into silver.retail_sales_referral_current (referral_id, referrer_customer_id, referred_name,
                referred_email, referred_customer_id, lead_id, opportunity_id, status, reward_amount, referral_date,
                conversion_date, last_bronze_id)
            select distinct on (b.referral_id) b.referral_id, b.referrer_customer_id, b.referred_name, b.referred_email,
                   b.referred_customer_id, b.lead_id, b.opportunity_id, b.status, b.reward_amount, b.referral_date,
                   b.conversion_date, b.bronze_id
            from bronze.retail_sales_referrals b
            where %s and %s
            order by b.referral_id, b.bronze_id desc
            on conflict (referral_id) do update set referrer_customer_id = excluded.referrer_customer_id,
                referred_name = excluded.referred_name, referred_email = excluded.referred_email,
                referred_customer_id = excluded.referred_customer_id, lead_id = excluded.lead_id,
                opportunity_id = excluded.opportunity_id, status = excluded.status,
                reward_amount = excluded.reward_amount, referral_date = excluded.referral_date,
                conversion_date = excluded.conversion_date, last_bronze_id = excluded.last_bronze_id,
                updated_at = now()
            where excluded.last_bronze_id >= silver.retail_sales_referral_current.last_bronze_id""";

    static final String VALID = Quarantine.notQuarantined(SalesSources.REFERRALS);

    private static final String CONVERTED_UNANNOUNCED = "r.status = 'Converted' and r.converted_announced_at is null"
            + " and r.referral_id in (select referral_id from bronze.retail_sales_referrals where batch_id = any($1))";

    private final Outbox outbox;

    public ReferralPipeline(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String source() {
        return SalesSources.REFERRALS.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        Tuple batch = batches.tuple();
        return Uni.createFrom().voidItem()
                .chain(() -> tx.preparedQuery(CURRENT.formatted("b.batch_id = any($1)", VALID)).execute(batch))
                .chain(() -> outbox.appendAll(tx, EventCatalog.SALES_REFERRAL_CONVERTED, """
                        select r.referral_id as subject,
                               coalesce(r.referred_customer_id, r.referrer_customer_id) as record_key,
                               jsonb_strip_nulls(jsonb_build_object('referralId', r.referral_id,
                                   'referrerCustomerId', r.referrer_customer_id,
                                   'referredCustomerId', r.referred_customer_id, 'rewardAmount', r.reward_amount,
                                   'conversionDate', r.conversion_date, 'leadId', r.lead_id,
                                   'opportunityId', r.opportunity_id)) as data
                        from silver.retail_sales_referral_current r
                        where """ + " " + CONVERTED_UNANNOUNCED, batch))
                .call(() -> tx.preparedQuery("update silver.retail_sales_referral_current r"
                        + " set converted_announced_at = now() where " + CONVERTED_UNANNOUNCED).execute(batch))
                .map(Long::intValue);
    }

    @Override
    public String name() {
        return "silver.retail_sales_referral_current";
    }

    @Override
    public int order() {
        return 170;
    }

    /** Rebuilds the state; who was already announced is kept, so a rebuild never re-announces. */
    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query("create temporary table announced_referrals on commit drop as select referral_id,"
                + " converted_announced_at from silver.retail_sales_referral_current"
                + " where converted_announced_at is not null").execute()
                .chain(() -> tx.query("truncate silver.retail_sales_referral_current").execute())
                .chain(() -> tx.query(CURRENT.formatted("true", VALID)).execute())
                .chain(() -> tx.query("update silver.retail_sales_referral_current r set converted_announced_at ="
                        + " a.converted_announced_at from announced_referrals a where a.referral_id = r.referral_id")
                        .execute())
                .replaceWithVoid();
    }
}
