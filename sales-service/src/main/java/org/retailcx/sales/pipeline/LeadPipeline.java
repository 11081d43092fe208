package org.retailcx.sales.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;
import org.retailcx.sales.model.LeadMatcher;
import org.retailcx.sales.model.LeadMatcher.Candidate;
import org.retailcx.sales.model.LeadMatcher.Group;
import org.retailcx.sales.model.LeadMatcher.Merge;
import org.retailcx.sales.pipeline.scoring.LeadScoringService;
import org.retailcx.schema.EventCatalog;

import io.smallrye.mutiny.Multi;
import org.retailcx.platform.medallion.LayerRebuild;

import org.retailcx.platform.medallion.Quarantine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Leads from bronze to the golden lead, in the ingestion transaction: data-quality rules, matching (blocking keys
 * + union-find in {@link LeadMatcher}), merges, lineage, survivorship (set-based SQL), then the conversion fact,
 * the score from the active model and the lead events.
 *
 * <p>Survivorship, over the newest valid version of each member lead: names, birth date, postal code, rep, product,
 * CRM score/grade and converted opportunity = most recent non-null (CRM updatedAt, else received); contact consent =
 * the most recent statement of it (none: no consent); email and phone = by source priority (Branch, Call Center,
 * Referral, Event, Web Form: staff-verified before self-typed), then most recent; source and campaign = the earliest
 * created member's (first touch); created date = earliest; qualification status = the most advanced (Converted >
 * Qualified > Working > New > Disqualified); disqualification reason = the newest disqualifying member's, only while
 * the golden status is Disqualified (a reason belongs to the status that carries it); free attributes = per attribute
 * the most recent value.
 */
@ApplicationScoped
public class LeadPipeline implements BronzeListener, LayerRebuild {

    static final String VALID = Quarantine.notQuarantined(SalesSources.LEADS);

    private static final String CANDIDATES = """
            select distinct on (b.lead_id) b.lead_id, b.email, b.phone, b.last_name, b.date_of_birth, b.postal_code,
                   x.golden_lead_id
            from bronze.retail_sales_leads b
            left join silver.retail_sales_lead_crosswalk x on x.source_lead_id = b.lead_id
            where b.batch_id = any($1) and %s
            order by b.lead_id, b.bronze_id desc""".formatted(VALID);

    /** The golden record of each given golden id, from its members' newest valid versions (see class comment). */
    static final String SURVIVORSHIP = """
            insert into silver.retail_sales_lead_golden (golden_lead_id, first_name, last_name, email, phone,
                date_of_birth, postal_code, source, campaign_id, product_interest, qualification_status,
                disqualification_reason, assigned_sales_rep, assignment_date, created_date, converted_opportunity_id,
                crm_lead_score, crm_lead_grade, contact_consent, attributes, member_count, first_bronze_id,
                last_bronze_id, updated_at)
            with members as (
                select x.golden_lead_id, x.first_bronze_id as linked_bronze_id, v.*,
                       coalesce(v.crm_updated_at, v.received_at) as effective_at,
                       coalesce(v.created_date, v.received_at::date) as member_created,
                       case v.source when 'Branch' then 1 when 'Call Center' then 2 when 'Referral' then 3
                                     when 'Event' then 4 else 5 end as contact_priority,
                       case coalesce(v.qualification_status, 'New') when 'Converted' then 5 when 'Qualified' then 4
                            when 'Working' then 3 when 'New' then 2 else 1 end as status_rank
                from silver.retail_sales_lead_crosswalk x
                cross join lateral (select b.* from bronze.retail_sales_leads b
                                    where b.lead_id = x.source_lead_id and %1$s
                                    order by b.bronze_id desc limit 1) v
                where %2$s),
            attrs as (
                select golden_lead_id, jsonb_object_agg(k, val) as attributes from (
                    select distinct on (m.golden_lead_id, e.k) m.golden_lead_id, e.k, e.val
                    from members m, jsonb_each(case when jsonb_typeof(m.attributes) = 'object' then m.attributes
                                                    else '{}'::jsonb end) e(k, val)
                    order by m.golden_lead_id, e.k, m.effective_at desc, m.bronze_id desc) a
                group by golden_lead_id)
            select m.golden_lead_id,
                (array_agg(first_name order by effective_at desc, bronze_id desc) filter (where first_name is not null))[1],
                (array_agg(last_name order by effective_at desc, bronze_id desc) filter (where last_name is not null))[1],
                (array_agg(email order by contact_priority, effective_at desc, bronze_id desc) filter (where email is not null))[1],
                (array_agg(phone order by contact_priority, effective_at desc, bronze_id desc) filter (where phone is not null))[1],
                (array_agg(date_of_birth order by effective_at desc, bronze_id desc) filter (where date_of_birth is not null))[1],
                (array_agg(postal_code order by effective_at desc, bronze_id desc) filter (where postal_code is not null))[1],
                (array_agg(source order by member_created, linked_bronze_id))[1],
                (array_agg(campaign_id order by member_created, linked_bronze_id) filter (where campaign_id is not null))[1],
                (array_agg(product_interest order by effective_at desc, bronze_id desc) filter (where product_interest is not null))[1],
                (array_agg(coalesce(qualification_status, 'New') order by status_rank desc, effective_at desc, bronze_id desc))[1],
                case when max(status_rank) = 1 then (array_agg(disqualification_reason order by effective_at desc,
                    bronze_id desc) filter (where qualification_status = 'Disqualified'))[1] end,
                (array_agg(assigned_sales_rep order by effective_at desc, bronze_id desc) filter (where assigned_sales_rep is not null))[1],
                (array_agg(assignment_date order by effective_at desc, bronze_id desc) filter (where assigned_sales_rep is not null))[1],
                min(member_created),
                (array_agg(converted_opportunity_id order by effective_at desc, bronze_id desc) filter (where converted_opportunity_id is not null))[1],
                (array_agg(lead_score order by effective_at desc, bronze_id desc) filter (where lead_score is not null))[1],
                (array_agg(lead_grade order by effective_at desc, bronze_id desc) filter (where lead_grade is not null))[1],
                coalesce((array_agg(contact_consent order by effective_at desc, bronze_id desc)
                    filter (where contact_consent is not null))[1], false),
                coalesce(max(a.attributes::text)::jsonb, '{}'::jsonb),
                count(*), min(linked_bronze_id), max(bronze_id), now()
            from members m left join attrs a on a.golden_lead_id = m.golden_lead_id
            group by m.golden_lead_id
            on conflict (golden_lead_id) do update set first_name = excluded.first_name,
                last_name = excluded.last_name, email = excluded.email, phone = excluded.phone,
                date_of_birth = excluded.date_of_birth, postal_code = excluded.postal_code, source = excluded.source,
                campaign_id = excluded.campaign_id, product_interest = excluded.product_interest,
                qualification_status = excluded.qualification_status,
                disqualification_reason = excluded.disqualification_reason,
                assigned_sales_rep = excluded.assigned_sales_rep, assignment_date = excluded.assignment_date,
                created_date = excluded.created_date, converted_opportunity_id = excluded.converted_opportunity_id,
                crm_lead_score = excluded.crm_lead_score, crm_lead_grade = excluded.crm_lead_grade,
                contact_consent = excluded.contact_consent,
                attributes = excluded.attributes, member_count = excluded.member_count,
                first_bronze_id = excluded.first_bronze_id, last_bronze_id = excluded.last_bronze_id,
                updated_at = now()
            returning golden_lead_id, (xmax = 0) as inserted""";

    private final ConversionFacts conversions;
    private final LeadScoringService scoring;
    private final Outbox outbox;
    private final ActivityPipeline activities;

    public LeadPipeline(ConversionFacts conversions, LeadScoringService scoring,
            Outbox outbox, ActivityPipeline activities) {
        this.activities = activities;
        this.conversions = conversions;
        this.scoring = scoring;
        this.outbox = outbox;
    }

    @Override
    public String source() {
        return SalesSources.LEADS.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        // Matching is one global decision: concurrent lead batches sharing a key must not both create a person.
        return Uni.createFrom().voidItem()
                .chain(() -> tx.query("select pg_advisory_xact_lock(hashtext('sales.lead-matching'))").execute())
                .chain(() -> tx.preparedQuery(CANDIDATES).execute(batches.tuple()))
                .chain(rows -> {
                    List<Candidate> candidates = new ArrayList<>();
                    for (Row r : rows) {
                        candidates.add(new Candidate(r.getString("lead_id"), r.getLong("golden_lead_id"),
                                r.getString("email"), r.getString("phone"), r.getString("last_name"),
                                r.getLocalDate("date_of_birth"), r.getString("postal_code")));
                    }
                    return candidates.isEmpty() ? Uni.createFrom().item(0) : link(tx, batches, candidates);
                });
    }

    private Uni<Integer> link(SqlConnection tx, BronzeBatches batches, List<Candidate> candidates) {
        String[] allKeys = candidates.stream().flatMap(c -> LeadMatcher.keys(c).stream()).distinct()
                .toArray(String[]::new);
        return tx.preparedQuery("select match_key, golden_lead_id from silver.retail_sales_lead_match_key"
                + " where match_key = any($1)").execute(Tuple.of((Object) allKeys))
                .chain(owners -> {
                    Map<String, Long> keyOwners = new HashMap<>();
                    owners.forEach(r -> keyOwners.put(r.getString(0), r.getLong(1)));
                    List<Group> groups = LeadMatcher.match(candidates, keyOwners);
                    long needed = groups.stream().filter(g -> g.goldenId() == null).count();
                    return tx.preparedQuery("select nextval('silver.retail_sales_lead_golden_id_seq')"
                            + " from generate_series(1, $1)").execute(Tuple.of(needed))
                            .chain(ids -> {
                                var next = ids.iterator();
                                List<Long> goldenOfGroup = new ArrayList<>();
                                for (Group g : groups) {
                                    goldenOfGroup.add(g.goldenId() != null ? g.goldenId() : next.next().getLong(0));
                                }
                                return apply(tx, batches, groups, goldenOfGroup);
                            });
                });
    }

    private Uni<Integer> apply(SqlConnection tx, BronzeBatches batches, List<Group> groups, List<Long> goldenOfGroup) {
        List<Merge> merges = new ArrayList<>();
        List<String> leadIds = new ArrayList<>();
        List<Long> leadGoldens = new ArrayList<>();
        List<String> leadRules = new ArrayList<>();
        Map<String, Long> keys = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            long golden = goldenOfGroup.get(i);
            merges.addAll(g.merges());
            g.members().forEach(m -> {
                leadIds.add(m.leadId());
                leadGoldens.add(golden);
                leadRules.add(m.matchRule());
            });
            g.keys().forEach(k -> keys.put(k, golden));
        }
        Set<Long> affected = new LinkedHashSet<>(goldenOfGroup);
        Long[] goldens = affected.toArray(Long[]::new);
        return applyMerges(tx, merges)
                .chain(() -> tx.preparedQuery("""
                        insert into silver.retail_sales_lead_crosswalk (source_lead_id, golden_lead_id, match_rule,
                            first_bronze_id, last_bronze_id)
                        select l.id, l.golden, l.rule, v.first_id, v.last_id
                        from unnest($1::text[], $2::bigint[], $3::text[]) l(id, golden, rule)
                        join (select lead_id, min(bronze_id) first_id, max(bronze_id) last_id
                              from bronze.retail_sales_leads where batch_id = any($4) group by lead_id) v on v.lead_id = l.id
                        on conflict (source_lead_id) do update set golden_lead_id = excluded.golden_lead_id,
                            last_bronze_id = excluded.last_bronze_id""")
                        .execute(Tuple.of(leadIds.toArray(String[]::new), leadGoldens.toArray(Long[]::new),
                                leadRules.toArray(String[]::new), batches.ids())))
                .chain(() -> tx.preparedQuery("""
                        insert into silver.retail_sales_lead_match_key (match_key, golden_lead_id)
                        select * from unnest($1::text[], $2::bigint[])
                        on conflict (match_key) do update set golden_lead_id = excluded.golden_lead_id""")
                        .execute(Tuple.of(keys.keySet().toArray(String[]::new), keys.values().toArray(Long[]::new))))
                .chain(() -> tx.preparedQuery(SURVIVORSHIP.formatted(VALID, "x.golden_lead_id = any($1)"))
                        .execute(Tuple.of((Object) goldens)))
                .chain(upserted -> {
                    List<Long> created = new ArrayList<>();
                    upserted.forEach(r -> {
                        if (r.getBoolean("inserted")) {
                            created.add(r.getLong("golden_lead_id"));
                        }
                    });
                    return queueCreated(tx, created);
                })
                .call(() -> activities.reattribute(tx, leadIds.toArray(String[]::new), new String[0]))
                .chain(createdEvents -> conversions.refresh(tx, goldens)
                        .chain(() -> scoring.scoreGoldenLeads(tx, goldens))
                        .chain(scored -> conversions.queueConverted(tx, goldens)
                                .map(converted -> createdEvents + scored + converted)));
    }

    /** Folds each merged golden lead into its survivor everywhere it is referenced, and records the merge. */
    private Uni<Void> applyMerges(SqlConnection tx, List<Merge> merges) {
        if (merges.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple params = Tuple.of(merges.stream().map(Merge::mergedGoldenId).toArray(Long[]::new),
                merges.stream().map(Merge::survivingGoldenId).toArray(Long[]::new),
                merges.stream().map(Merge::linkingLeadId).toArray(String[]::new),
                merges.stream().map(Merge::matchRule).toArray(String[]::new));
        String pairs = "(select * from unnest($1::bigint[], $2::bigint[]) p(merged, survivor))";
        List<String> statements = List.of(
                "update silver.retail_sales_lead_crosswalk t set golden_lead_id = p.survivor from " + pairs
                        + " p where t.golden_lead_id = p.merged",
                "update silver.retail_sales_lead_match_key t set golden_lead_id = p.survivor from " + pairs
                        + " p where t.golden_lead_id = p.merged",
                "update silver.retail_sales_activity_enriched t set golden_lead_id = p.survivor from " + pairs
                        + " p where t.golden_lead_id = p.merged",
                "update gold.fact_sales_activities t set golden_lead_id = p.survivor from " + pairs
                        + " p where t.golden_lead_id = p.merged",
                "update silver.retail_sales_lead_merge t set surviving_golden_lead_id = p.survivor from " + pairs
                        + " p where t.surviving_golden_lead_id = p.merged",
                // the survivor inherits "converted already announced" so a merge does not announce twice
                "update silver.retail_sales_lead_golden s set converted_announced_at = coalesce("
                        + "s.converted_announced_at, m.converted_announced_at) from " + pairs + " p join"
                        + " silver.retail_sales_lead_golden m on m.golden_lead_id = p.merged"
                        + " where s.golden_lead_id = p.survivor",
                "delete from silver.retail_sales_lead_golden t using " + pairs + " p where t.golden_lead_id = p.merged",
                "delete from gold.fact_sales_conversions t using " + pairs + " p where t.golden_lead_id = p.merged",
                "insert into silver.retail_sales_lead_merge (merged_golden_lead_id, surviving_golden_lead_id,"
                        + " linking_lead_id, match_rule) select * from unnest($1::bigint[], $2::bigint[], $3::text[],"
                        + " $4::text[]) on conflict do nothing");
        return Multi.createFrom().iterable(statements)
                .onItem().transformToUniAndConcatenate(sql -> tx.preparedQuery(sql).execute(sql.contains("$3")
                        ? params : Tuple.of(params.getValue(0), params.getValue(1))))
                .collect().last().replaceWithVoid();
    }

    private Uni<Integer> queueCreated(SqlConnection tx, List<Long> created) {
        if (created.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return outbox.appendAll(tx, EventCatalog.SALES_LEAD_CREATED, """
                select g.golden_lead_id::text as subject, g.golden_lead_id::text as record_key,
                       jsonb_strip_nulls(jsonb_build_object('goldenLeadId', g.golden_lead_id::text,
                           'sourceLeadId', (select x.source_lead_id from silver.retail_sales_lead_crosswalk x
                                            where x.golden_lead_id = g.golden_lead_id
                                            order by x.first_bronze_id limit 1),
                           'source', g.source, 'campaignId', g.campaign_id, 'productInterest', g.product_interest,
                           'assignedRepId', g.assigned_sales_rep, 'createdDate', g.created_date)) as data
                from silver.retail_sales_lead_golden g where g.golden_lead_id = any($1)""",
                Tuple.of((Object) created.toArray(Long[]::new))).map(Long::intValue);
    }

    @Override
    public String name() {
        return "silver.retail_sales_lead_golden";
    }

    @Override
    public int order() {
        return 120;
    }

    /**
     * Re-applies survivorship to every golden lead from bronze. Identity (crosswalk, merges) is silver's own
     * decision and is kept: rebuilding must not renumber golden leads that events and facts already name.
     */
    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query("delete from silver.retail_sales_lead_golden g where not exists (select 1 from"
                + " silver.retail_sales_lead_crosswalk x where x.golden_lead_id = g.golden_lead_id)").execute()
                .chain(() -> tx.query(SURVIVORSHIP.formatted(VALID, "true")).execute())
                .replaceWithVoid();
    }
}
