package org.retailcx.recommendation.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;
import org.retailcx.recommendation.model.InteractionMatrix;
import org.retailcx.recommendation.model.InteractionType;
import org.retailcx.recommendation.model.TrainingSpec;
import org.retailcx.recommendation.pipeline.evaluation.OfflineComparison;
import org.retailcx.recommendation.pipeline.training.TrainingData;
import org.retailcx.recommendation.pipeline.training.TrainingSpecs;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;

/** Offline evaluation: algorithms side by side on a split of the stored interactions or of an uploaded set. */
@Path("/api/v1/recommendation/evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    private final Pool pool;
    private final IngestionReader reader;
    private final int minimumPairs;

    public EvaluationResource(Pool pool, IngestionReader reader,
            @ConfigProperty(name = "retailcx.recommendation.training.minimum-pairs", defaultValue = "10")
            int minimumPairs) {
        this.pool = pool;
        this.reader = reader;
        this.minimumPairs = minimumPairs;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Precision@k, Recall@k, nDCG@k, MAP, coverage, diversity and novelty of each algorithm on "
            + "one split (Microsoft Recommenders' protocol); uploaded interactions are evaluated, never stored")
    public Uni<OfflineComparison.Comparison> evaluate(
            @RequestBody(content = @Content(schema = @Schema(implementation = EvaluationRequest.class))) String body) {
        EvaluationRequest request = reader.readOne(body, EvaluationRequest.class).value();
        if (request.algorithms() == null || request.algorithms().isEmpty()) {
            throw ProblemException.invalid("algorithms", "name at least one algorithm");
        }
        List<TrainingSpec> specs = new ArrayList<>();
        for (int i = 0; i < request.algorithms().size(); i++) {
            var choice = request.algorithms().get(i);
            specs.add(TrainingSpecs.parse(choice.algorithm(), choice.parameters(), "algorithms[" + i + "].algorithm"));
        }
        int k = request.k() == null ? 10 : request.k();
        if (k < 1 || k > RecommendationResource.MAX_K) {
            throw ProblemException.invalid("k", "must be between 1 and " + RecommendationResource.MAX_K);
        }
        OfflineComparison.Split split = split(request.split());
        if (request.interactions() != null) {
            if (request.windowFrom() != null || request.windowTo() != null) {
                throw ProblemException.invalid("windowFrom", "applies to the stored interactions, not to uploaded ones");
            }
            InteractionMatrix uploaded = uploaded(request.interactions());
            return Uni.createFrom().item(() -> OfflineComparison.compare(uploaded, specs, split, k, "uploaded",
                    minimumPairs)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        OffsetDateTime from = request.windowFrom() == null ? ModelResource.BEGINNING : request.windowFrom();
        OffsetDateTime to = request.windowTo() == null ? OffsetDateTime.now(ZoneOffset.UTC) : request.windowTo();
        if (!from.isBefore(to)) {
            throw ProblemException.invalid("windowTo", "must be after windowFrom");
        }
        return TrainingData.cutoffs(pool).chain(cutoffs -> TrainingData.rows(pool, cutoffs, from, to))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> OfflineComparison.compare(TrainingData.matrix(rows), specs, split, k, "stored",
                        minimumPairs));
    }

    private static OfflineComparison.Split split(EvaluationRequest.SplitRequest split) {
        String method = split == null || split.method() == null ? "stratified" : split.method();
        if (!method.equals("stratified") && !method.equals("chronological")) {
            throw ProblemException.invalid("split.method", "must be stratified or chronological");
        }
        double ratio = split == null || split.trainRatio() == null ? 0.75 : split.trainRatio();
        if (!(ratio > 0 && ratio < 1)) {
            throw ProblemException.invalid("split.trainRatio", "must lie strictly between 0 and 1");
        }
        long seed = split == null || split.seed() == null ? 42 : split.seed();
        return new OfflineComparison.Split(method, ratio, seed);
    }

    private static InteractionMatrix uploaded(List<EvaluationRequest.UploadedInteraction> interactions) {
        InteractionMatrix.Builder builder = InteractionMatrix.builder();
        for (int i = 0; i < interactions.size(); i++) {
            var item = interactions.get(i);
            InteractionType type;
            try {
                type = item.implicitRating() == null ? InteractionType.PURCHASE
                        : InteractionType.parse(item.implicitRating());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("interactions[" + i + "].implicitRating",
                        "must be one of view, click, add to cart, purchase");
            }
            builder.add(item.customerId(), item.productId(), type,
                    item.timestamp() == null ? 0 : item.timestamp().toEpochSecond());
        }
        return builder.build();
    }
}
