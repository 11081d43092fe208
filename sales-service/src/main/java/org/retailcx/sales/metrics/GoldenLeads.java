package org.retailcx.sales.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.api.Page;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Caller;
import org.retailcx.platform.security.PersonalData;
import org.retailcx.platform.security.PersonalData.Kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Reads golden leads with their lineage: member source leads (rule, bronze versions) and merged golden ids; only the
 * caller's (a rep's own by assigned rep, a manager's team's) and with personal data masked for the caller's role.
 */
@ApplicationScoped
public class GoldenLeads {

    @RegisterForReflection
    public record Score(Double probability, String grade, Integer modelVersion) {
    }

    @RegisterForReflection
    public record GoldenLead(long goldenLeadId, String firstName, String lastName, String email, String phone,
            LocalDate dateOfBirth, String postalCode, boolean contactConsent, String source, String campaignId, String productInterest,
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
    private final PersonalData personalData;
    private final Caller caller;

    public GoldenLeads(Pool pool, ObjectMapper mapper, PersonalData personalData, Caller caller) {
        this.pool = pool;
        this.mapper = mapper;
        this.personalData = personalData;
        this.caller = caller;
    }

    public Uni<GoldenLead> bySourceLead(String sourceLeadId) {
        var visible = RepScope.of(caller).condition("g.assigned_sales_rep", 2);
        PersonalData.View view = PersonalData.view(caller);
        return pool.preparedQuery(SELECT + " join silver.retail_sales_lead_crosswalk s"
                + " on s.golden_lead_id = g.golden_lead_id where s.source_lead_id = $1 and " + visible.sql())
                .execute(visible.tuple(sourceLeadId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No golden lead for lead " + sourceLeadId
                                + " (never received, every version of it is quarantined, or not yours)");
                    }
                    return map(rows.iterator().next(), view);
                });
    }

    public Uni<Page<GoldenLead>> page(Integer limit, String cursor) {
        int pageSize = Page.limit(limit);
        long afterId = Page.afterId(cursor);
        var visible = RepScope.of(caller).condition("g.assigned_sales_rep", 3);
        PersonalData.View view = PersonalData.view(caller);
        return pool.preparedQuery(SELECT + " where g.golden_lead_id > $1 and " + visible.sql()
                + " order by g.golden_lead_id limit $2")
                .execute(visible.tuple(afterId, pageSize + 1))
                .map(rows -> {
                    List<GoldenLead> leads = new ArrayList<>();
                    rows.forEach(r -> leads.add(map(r, view)));
                    return Page.of(leads, pageSize, l -> Long.toString(l.goldenLeadId()));
                });
    }

    private GoldenLead map(Row r, PersonalData.View view) {
        boolean consent = r.getBoolean("contact_consent");
        return new GoldenLead(r.getLong("golden_lead_id"),
                personalData.text(view, Kind.NAME, r.getString("first_name"), consent),
                personalData.text(view, Kind.NAME, r.getString("last_name"), consent),
                personalData.text(view, Kind.CONTACT, r.getString("email"), consent),
                personalData.text(view, Kind.CONTACT, r.getString("phone"), consent),
                personalData.birthDate(view, r.getLocalDate("date_of_birth")),
                personalData.text(view, Kind.ADDRESS, r.getString("postal_code"), consent), consent,
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
