package org.retailcx.recommendation.pipeline.training;

import java.time.OffsetDateTime;

import org.retailcx.recommendation.model.InteractionMatrix;
import org.retailcx.recommendation.model.InteractionType;
import org.retailcx.recommendation.pipeline.feedback.FeedbackSilver;
import org.retailcx.recommendation.pipeline.interaction.InteractionSilver;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The interactions a model version is trained on: the newest valid version of each interaction in bronze up to a
 * bronze id (the version's cutoff), plus the clicks and conversions of the valid feedback up to the feedback cutoff,
 * whose timestamp lies in the window. Bronze is append-only and the served lists never change, so the same cutoffs
 * always give the same rows, and the fixed order gives the same customer and product indices: a version refits
 * identically on any replica, long after newer data arrived.
 */
public final class TrainingData {

    private static final String SELECT = "select v.customer_id, v.product_id, v.implicit_rating, v.interaction_timestamp"
            + " from (select source_system, source_record_id, customer_id, product_id, implicit_rating,"
            + " interaction_timestamp from (" + InteractionSilver.NEWEST_VALID.formatted("b.bronze_id <= $1") + ") i"
            + " union all select source_system, source_record_id, customer_id, product_id, implicit_rating,"
            + " interaction_timestamp from (" + FeedbackSilver.AS_INTERACTIONS.formatted(
                    FeedbackSilver.NEWEST_VALID.formatted("b.bronze_id <= $4")) + ") f) v"
            + " where v.interaction_timestamp >= $2 and v.interaction_timestamp < $3"
            + " order by v.customer_id, v.product_id, v.interaction_timestamp, v.source_system, v.source_record_id";

    private TrainingData() {
    }

    /** The newest bronze ids of interactions and of feedback: the cutoffs of a version trained now. */
    public record Cutoffs(long interactions, long feedback) {
    }

    public static Uni<Cutoffs> cutoffs(SqlClient client) {
        return client.query("""
                select (select coalesce(max(bronze_id), 0) from bronze.retail_collaborative_filtering_data),
                       (select coalesce(max(bronze_id), 0) from bronze.retail_recommendation_feedback)""")
                .execute().map(rows -> {
                    Row r = rows.iterator().next();
                    return new Cutoffs(r.getLong(0), r.getLong(1));
                });
    }

    public static Uni<RowSet<Row>> rows(SqlClient client, Cutoffs cutoffs, OffsetDateTime from, OffsetDateTime to) {
        return client.preparedQuery(SELECT).execute(Tuple.of(cutoffs.interactions(), from, to, cutoffs.feedback()));
    }

    /** Builds the matrix (CPU work: call it off the event loop). */
    public static InteractionMatrix matrix(RowSet<Row> rows) {
        InteractionMatrix.Builder builder = InteractionMatrix.builder();
        for (Row r : rows) {
            builder.add(r.getString(0), r.getString(1), InteractionType.parse(r.getString(2)),
                    r.getOffsetDateTime(3).toEpochSecond());
        }
        return builder.build();
    }
}
