package org.retailcx.sales.pipeline;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;

import org.retailcx.platform.medallion.LayerRebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Bronze territories → {@code gold.dim_sales_territory} (type 1: the newest valid version wins) with each
 * territory's {@code path} from the root down, recomputed by a recursive query over the whole (small) hierarchy.
 * <p>
 * Load order: territories before reps, since a rep names its territory. A territory may name an assigned rep that is
 * not loaded yet: that version is quarantined ({@code assignedRepId.known}) and, when the rep arrives,
 * {@link #resolveAssignedReps} resolves the entry and brings the territory into the dimension, so a CRM does not
 * have to re-send it.
 */
@ApplicationScoped
public class TerritoryDimension implements BronzeListener, LayerRebuild {

    /** Open entries only: an assigned-rep entry resolved by the rep's arrival makes its version usable again. */
    private static final String NO_OPEN_ENTRY = """
            not exists (select 1 from silver.data_quality_quarantine q where q.source = 'territories'
                        and q.bronze_id = b.bronze_id and q.resolved_at is null)""";

    private static final String UPSERT = """
            with ids as (%s),
            newest as (
              select distinct on (b.territory_id) b.* from bronze.retail_sales_territories b
              join ids on ids.territory_id = b.territory_id
              where %s
              order by b.territory_id, coalesce(b.crm_updated_at, b.received_at) desc, b.bronze_id desc)
            insert into gold.dim_sales_territory as d (territory_id, name, region, parent_territory_id, zip_codes,
                branches, assigned_rep_id, updated_at)
            select territory_id, name, region, parent_territory_id, coalesce(zip_codes, '{}'), coalesce(branches, '{}'),
                   assigned_rep_id, now()
            from newest
            on conflict (territory_id) do update set name = excluded.name, region = excluded.region,
                parent_territory_id = excluded.parent_territory_id, zip_codes = excluded.zip_codes,
                branches = excluded.branches, assigned_rep_id = excluded.assigned_rep_id, updated_at = now()""";

    private static final String PATHS = """
            with recursive tree as (
              select territory_id, array[territory_id] as path from gold.dim_sales_territory d
              where parent_territory_id is null
                 or not exists (select 1 from gold.dim_sales_territory p where p.territory_id = d.parent_territory_id)
              union all
              select c.territory_id, t.path || c.territory_id from gold.dim_sales_territory c
              join tree t on c.parent_territory_id = t.territory_id
              where not c.territory_id = any(t.path))
            update gold.dim_sales_territory d set path = coalesce(tree.path, array[d.territory_id])
            from gold.dim_sales_territory d2 left join tree on tree.territory_id = d2.territory_id
            where d2.territory_key = d.territory_key and d.path is distinct from coalesce(tree.path, array[d.territory_id])""";

    private static final String RESOLVE_ASSIGNED_REPS = """
            update silver.data_quality_quarantine q set resolved_at = now()
            from bronze.retail_sales_territories t
            where q.source = 'territories' and q.rule = 'assignedRepId.known' and q.resolved_at is null
              and t.bronze_id = q.bronze_id
              and exists (select 1 from bronze.retail_sales_reps r where r.batch_id = any($1) and r.rep_id = t.assigned_rep_id)
            returning q.source_record_id""";

    
    @Override
    public String source() {
        return SalesSources.TERRITORIES.name();
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return Uni.createFrom().voidItem()
                .call(() -> tx.preparedQuery(UPSERT.formatted(
                        "select distinct territory_id from bronze.retail_sales_territories where batch_id = any($1)",
                        NO_OPEN_ENTRY)).execute(batches.tuple()))
                .call(() -> tx.query(PATHS).execute())
                .replaceWith(0);
    }

    /** After a rep batch: territories waiting for one of its reps enter the dimension. */
    public Uni<Void> resolveAssignedReps(SqlConnection tx, BronzeBatches repBatches) {
        return tx.preparedQuery(RESOLVE_ASSIGNED_REPS).execute(repBatches.tuple()).chain(rows -> {
            List<String> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(r.getString(0)));
            if (ids.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return tx.preparedQuery(UPSERT.formatted("select unnest($1::text[]) as territory_id", NO_OPEN_ENTRY))
                    .execute(Tuple.of(ids.toArray(String[]::new)))
                    .call(() -> tx.query(PATHS).execute())
                    .replaceWithVoid();
        });
    }

    @Override
    public String name() {
        return "gold.dim_sales_territory";
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query(UPSERT.formatted("select distinct territory_id from bronze.retail_sales_territories",
                NO_OPEN_ENTRY)).execute()
                .call(() -> tx.query(PATHS).execute())
                .replaceWithVoid();
    }
}
