package org.retailcx.sales.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.api.Page;
import org.retailcx.platform.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads golden leads with their lineage: member source leads (rule, bronze versions) and merged golden ids. */
@ApplicationScoped
public class GoldenLeads {

    @RegisterForReflection
    public record Score(Double probability, String grade, Integer modelVersion) {
    }

    @RegisterForReflection
    public record GoldenLead(long goldenLeadId, String firstName, String lastName, String email, String phone,
            LocalDate dateOfBirth, String postalCode, String source, String campaignId, String productInterest,
            String qualificationStatus, String disqualificationReason, String assignedSalesRep, LocalDate createdDate,
            String convertedOpportunityId, JsonNode attributes, Score score, JsonNode members, JsonNode merges) {
    }

    private static final String SELECT = """
            select g.*, g.attributes::text as attrs,
              (select json_agg(json_build_object('sourceLeadId', x.source_lead_id, 'matchRule', x.match_rule,
                      'linkedAt', x.linked_at,
                      'bronzeIds', (select json_agg(b.bronze_id order by b.bronze_id) from bronze.retail_sales_leads b
                                    where b.lead_id = x.source_lead_id)) order by x.first_bronze_id)
               from silver.retail_sales_lead_crosswalk x where x.golden_lead_id = g.golden_lead_id)::text as members_json,
              (select coalesce(json_agg(json_build_object('mergedGoldenLeadId', m.merged_golden_lead_id,
                      'linkingLeadId', m.linking_lead_id, 'matchRule', m.match_rule, 'mergedAt', m.merged_at)
                      order by m.merged_golden_lead_id), '[]')
               from silver.retail_sales_lead_merge m where m.surviving_golden_lead_id = g.golden_lead_id)::text as merges_json
            from silver.retail_sales_lead_golden g
            """;

    private final Pool pool;
    private final ObjectMapper mapper;

    public GoldenLeads(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    public Uni<GoldenLead> bySourceLead(String sourceLeadId) {
        return pool.preparedQuery(SELECT + " join silver.retail_sales_lead_crosswalk s"
                + " on s.golden_lead_id = g.golden_lead_id where s.source_lead_id = $1")
                .execute(Tuple.of(sourceLeadId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No golden lead for lead " + sourceLeadId
                                + " (never received, or every version of it is quarantined)");
                    }
                    return map(rows.iterator().next());
                });
    }

    public Uni<Page<GoldenLead>> page(Integer limit, String cursor) {
        int pageSize = Page.limit(limit);
        long afterId = Page.afterId(cursor);
        return pool.preparedQuery(SELECT + " where g.golden_lead_id > $1 order by g.golden_lead_id limit $2")
                .execute(Tuple.of(afterId, pageSize + 1))
                .map(rows -> {
                    List<GoldenLead> leads = new ArrayList<>();
                    rows.forEach(r -> leads.add(map(r)));
                    return Page.of(leads, pageSize, l -> Long.toString(l.goldenLeadId()));
                });
    }

    private GoldenLead map(Row r) {
        return new GoldenLead(r.getLong("golden_lead_id"), r.getString("first_name"), r.getString("last_name"),
                r.getString("email"), r.getString("phone"), r.getLocalDate("date_of_birth"), r.getString("postal_code"),
                r.getString("source"), r.getString("campaign_id"), r.getString("product_interest"),
                r.getString("qualification_status"), r.getString("disqualification_reason"),
                r.getString("assigned_sales_rep"), r.getLocalDate("created_date"),
                r.getString("converted_opportunity_id"), tree(r.getString("attrs")),
                new Score(r.getDouble("score_probability"), r.getString("score_grade"),
                        r.getInteger("score_model_version")),
                tree(r.getString("members_json")), tree(r.getString("merges_json")));
    }

    private JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
