package org.retailcx.recommendation.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Product-to-product similarity under the active model version, explained by the customers the pair shares. */
@Path("/api/v1/recommendation/products/{productId}/similar")
@Produces(MediaType.APPLICATION_JSON)
public class SimilarityResource {

    @RegisterForReflection
    public record SimilarProduct(int rank, String productId, double similarity, int sharedCustomers, String reason) {
    }

    @RegisterForReflection
    public record Similar(String productId, int modelVersion, String algorithm, List<SimilarProduct> items) {
    }

    private final Pool pool;

    public SimilarityResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @RolesAllowed({ Roles.SERVICE, Roles.SALES_REP, Roles.SALES_MANAGER, Roles.MARKETING, Roles.DATA_SCIENTIST,
            Roles.ADMIN })
    @Operation(summary = "The k products most similar to this one under the active model (at most 20), each with "
            + "the customers it shares with it; 404 for a product the model does not know")
    public Uni<Similar> similar(@PathParam("productId") String productId, @QueryParam("k") Integer k) {
        int size = k == null ? 10 : k;
        if (size < 1 || size > 20) {
            throw ProblemException.invalid("k", "must be between 1 and 20");
        }
        return pool.preparedQuery("""
                select m.model_version, a.algorithm, s.rank, s.similar_product_id, s.similarity, s.shared_customers,
                    exists (select 1 from silver.retail_product_similarity_matrix x
                            where x.model_version = m.model_version and x.product_id = $1) as known
                from gold.dim_recommendation_model m
                join gold.dim_recommendation_algorithm a using (algorithm_key)
                left join silver.retail_product_similarity_matrix s
                       on s.model_version = m.model_version and s.product_id = $1 and s.rank <= $2
                where m.active
                order by s.rank""").execute(Tuple.of(productId, size))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No recommendation model is active yet");
                    }
                    Row first = rows.iterator().next();
                    if (!first.getBoolean(6)) {
                        throw ProblemException.notFound("Product " + productId + " is not in the active model's "
                                + "similarity matrix (no interactions in its training data, or no similar product)");
                    }
                    List<SimilarProduct> items = new ArrayList<>();
                    for (Row r : rows) {
                        int shared = r.getInteger(5);
                        items.add(new SimilarProduct(r.getInteger(2), r.getString(3), r.getDouble(4), shared,
                                String.format(Locale.ROOT, "%,d customer%s with %s also %s %s", shared,
                                        shared == 1 ? "" : "s", productId, shared == 1 ? "has" : "have",
                                        r.getString(3))));
                    }
                    return new Similar(productId, first.getInteger(0), first.getString(1), items);
                });
    }
}
