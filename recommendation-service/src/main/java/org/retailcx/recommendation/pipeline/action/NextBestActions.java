package org.retailcx.recommendation.pipeline.action;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.medallion.BronzeWriter;
import org.retailcx.platform.medallion.InternalAppend;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.recommendation.ingest.RecommendationSources;
import org.retailcx.recommendation.model.ActionCandidate;
import org.retailcx.recommendation.model.ContactPolicy;
import org.retailcx.recommendation.model.InteractionMatrix;
import org.retailcx.recommendation.model.NextBestActionArbiter;
import org.retailcx.recommendation.model.PropensityCalibration;
import org.retailcx.recommendation.model.Recommender;
import org.retailcx.recommendation.pipeline.affinity.PropensityCalibrations;
import org.retailcx.recommendation.pipeline.gold.RecommendationStar;
import org.retailcx.recommendation.pipeline.training.ModelCache;
import org.retailcx.recommendation.pipeline.training.ModelTraining;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.recommendation.NextBestActionAccepted;
import org.retailcx.schema.recommendation.NextBestActionIssued;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Issues next-best-actions to a customer, in one transaction that holds the customer's lock (so that two channels
 * asking at once cannot both use the last contact allowed): the catalogue's active actions the customer is eligible
 * for (value decile in range, product not held) become candidates with
 * <ul>
 * <li>propensity: the percentile of the product's score among all products under the active recommender for this
 * customer ((products scored lower + 1) / (products + 1), the affinity), read through the version's propensity
 * calibration into a take-up probability once the version is calibrated; for a customer the model does not know, the
 * product's share of customers in its training data; without a product or model, {@code default-propensity};</li>
 * <li>value: the customer's predicted lifetime CLV from clv-service's latest event, or {@code default-value};</li>
 * <li>business weight, priority tier and expiry (now + valid days) from the catalogue;</li>
 * </ul>
 * and {@link NextBestActionArbiter} chooses within the contact policy (contacts already issued in the window count).
 * The issued actions are one batch of the next-best-actions source: bronze (the contact log) and their announcement
 * ({@code next-best-action.issued}, {@link IssuedActionEvents}); rejected ones are returned with the reason.
 */
@ApplicationScoped
public class NextBestActions {

    @RegisterForReflection
    public record Issued(String issueId, String actionId, String actionType, String actionRecommendation,
            String productId, String channel, String trigger, int priority, int rankForCustomer, double propensity,
            BigDecimal value, double expectedValue, OffsetDateTime expiry) {
    }

    @RegisterForReflection
    public record Rejected(String actionId, String channel, String reason) {
    }

    @RegisterForReflection
    public record Decision(String customerId, OffsetDateTime decidedAt, Integer clvDecile, List<Issued> issued,
            List<Rejected> rejected) {
    }

    /** The active version and its calibration map (either may be null). */
    private record Scoring(Recommender recommender, PropensityCalibration.Isotonic map) {
    }

    private record CatalogueRow(String actionId, String actionType, String recommendation, String productId,
            String trigger, int priority, String channel, double weight, int validDays) {
    }

    private final Pool pool;
    private final Outbox outbox;
    private final InternalAppend append;
    private final ModelTraining models;
    private final ModelCache cache;
    private final RecommendationStar star;
    private final PropensityCalibrations calibrations;
    private final ContactPolicy policy;
    private final Duration window;
    private final double defaultPropensity;
    private final BigDecimal defaultValue;

    public NextBestActions(Pool pool, Outbox outbox, InternalAppend append, ModelTraining models, ModelCache cache,
            RecommendationStar star, PropensityCalibrations calibrations,
            @ConfigProperty(name = "retailcx.recommendation.nba.per-customer", defaultValue = "3") int perCustomer,
            @ConfigProperty(name = "retailcx.recommendation.nba.per-channel", defaultValue = "2") int perChannel,
            @ConfigProperty(name = "retailcx.recommendation.nba.contact-window", defaultValue = "7d") Duration window,
            @ConfigProperty(name = "retailcx.recommendation.nba.default-propensity", defaultValue = "0.05")
            double defaultPropensity,
            @ConfigProperty(name = "retailcx.recommendation.nba.default-value", defaultValue = "1")
            BigDecimal defaultValue) {
        this.pool = pool;
        this.outbox = outbox;
        this.append = append;
        this.models = models;
        this.cache = cache;
        this.star = star;
        this.calibrations = calibrations;
        this.policy = new ContactPolicy(perCustomer, perChannel, Map.of());
        this.window = window;
        this.defaultPropensity = defaultPropensity;
        this.defaultValue = defaultValue;
    }

    public Uni<Decision> issue(String customerId, String channel, BronzeWriter.Caller caller) {
        return scoring().chain(scoring -> pool.withTransaction(
                tx -> arbitrate(tx, scoring, customerId, channel, null, caller)));
    }

    /**
     * Arbitrates, for each customer in turn, the catalogue's active actions of {@code trigger} on every channel, in
     * the caller's transaction (the promotion of the event that triggered them, so that they are issued once).
     *
     * @return the number of actions issued
     */
    public Uni<Integer> issueTriggered(SqlConnection tx, List<String> customers, String trigger,
            BronzeWriter.Caller caller) {
        if (customers.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return scoring().chain(scoring -> io.smallrye.mutiny.Multi.createFrom().iterable(customers)
                .onItem().transformToUniAndConcatenate(c -> arbitrate(tx, scoring, c, null, trigger, caller))
                .collect().asList())
                .map(decisions -> decisions.stream().mapToInt(d -> d.issued().size()).sum());
    }

    private Uni<Scoring> scoring() {
        return models.active(pool).chain(model -> model == null ? Uni.createFrom().item(new Scoring(null, null))
                : cache.get(model).chain(r -> calibrations.map(model.version()).map(map -> new Scoring(r, map))));
    }

    /** One customer's decision, holding the customer's lock; {@code channel} and {@code trigger} null for all. */
    private Uni<Decision> arbitrate(SqlConnection tx, Scoring scoring, String customerId, String channel,
            String trigger, BronzeWriter.Caller caller) {
        return tx.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of("recommendation.nba:" + customerId))
                .chain(() -> tx.preparedQuery("""
                        select clv_decile, predicted_clv_lifetime from silver.customer_value
                        where customer_id = $1""").execute(Tuple.of(customerId)))
                .chain(value -> tx.preparedQuery("""
                        select c.action_id, c.action_type, c.action_recommendation, c.product_id, c.trigger,
                            c.priority, c.channel, c.business_weight, c.valid_days
                        from silver.next_best_action_catalogue c
                        where c.active and ($2::text is null or c.channel = $2)
                          and ($4::text is null or c.trigger = $4)
                          and (c.min_decile is null or c.min_decile <= $3::smallint)
                          and (c.max_decile is null or c.max_decile >= $3::smallint)
                          and (c.product_id is null or not exists (
                              select 1 from silver.customer_product_interaction i
                              where i.customer_id = $1 and i.product_id = c.product_id
                                and i.implicit_rating = 'purchase'))
                        order by c.action_id""")
                        .execute(Tuple.of(customerId, channel, decile(value), trigger))
                        .chain(catalogue -> tx.preparedQuery("""
                                select channel from bronze.retail_next_best_action
                                where customer_id = $1 and issued_at > now() - $2 * interval '1 second'""")
                                .execute(Tuple.of(customerId, window.toSeconds()))
                                .chain(contacts -> decide(tx, customerId, caller, scoring, value, catalogue,
                                        contacts))));
    }

    private static Short decile(Iterable<Row> value) {
        var it = value.iterator();
        return it.hasNext() ? it.next().getShort(0) : null;
    }

    private Uni<Decision> decide(SqlConnection tx, String customerId, BronzeWriter.Caller caller, Scoring scoring,
            Iterable<Row> valueRows, Iterable<Row> catalogueRows, Iterable<Row> contactRows) {
        var valueIt = valueRows.iterator();
        Row valueRow = valueIt.hasNext() ? valueIt.next() : null;
        Integer decile = valueRow == null ? null : (int) valueRow.getShort(0);
        BigDecimal value = valueRow == null ? defaultValue : valueRow.getBigDecimal(1);
        Map<String, CatalogueRow> catalogue = new HashMap<>();
        List<ActionCandidate> candidates = new ArrayList<>();
        Instant now = Instant.now();
        Propensities propensities = new Propensities(scoring, customerId);
        for (Row r : catalogueRows) {
            CatalogueRow c = new CatalogueRow(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                    r.getString(4), r.getInteger(5), r.getString(6), r.getDouble(7), r.getInteger(8));
            catalogue.put(c.actionId(), c);
            candidates.add(new ActionCandidate(c.actionId(), customerId, c.channel(), propensities.of(c.productId()),
                    value.doubleValue(), c.weight(), c.priority(), now.plus(Duration.ofDays(c.validDays()))));
        }
        List<NextBestActionArbiter.PastContact> contacts = new ArrayList<>();
        contactRows.forEach(r -> contacts.add(new NextBestActionArbiter.PastContact(customerId, r.getString(0))));
        var arbitration = new NextBestActionArbiter(policy).arbitrate(candidates, contacts, now);
        OffsetDateTime issuedAt = now.atOffset(ZoneOffset.UTC);
        List<Issued> issued = new ArrayList<>();
        for (var a : arbitration.issued()) {
            ActionCandidate cand = a.candidate();
            CatalogueRow c = catalogue.get(cand.actionId());
            issued.add(new Issued(UUID.randomUUID().toString(), c.actionId(), c.actionType(), c.recommendation(),
                    c.productId(), c.channel(), c.trigger(), c.priority(), a.rankForCustomer(), cand.propensity(),
                    value, cand.expectedValue(), cand.expiry().atOffset(ZoneOffset.UTC)));
        }
        List<Rejected> rejected = arbitration.rejected().stream().map(r -> new Rejected(r.candidate().actionId(),
                r.candidate().channel(), r.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')))
                .toList();
        Decision decision = new Decision(customerId, issuedAt, decile, issued, rejected);
        // the contact log and the announcements ({@link IssuedActionEvents}), in the customer's locked transaction
        return append.append(tx, RecommendationSources.ISSUED_ACTIONS, caller,
                issued.stream().map(i -> event(customerId, issuedAt, i)).toList()).replaceWith(decision);
    }

    private static NextBestActionIssued event(String customerId, OffsetDateTime issuedAt, Issued i) {
        return new NextBestActionIssued(i.issueId(), i.actionId(), customerId, i.actionType(),
                i.actionRecommendation(), i.productId(), i.channel(), i.trigger(), i.priority(), i.rankForCustomer(),
                BigDecimal.valueOf(i.propensity()).setScale(6, RoundingMode.HALF_UP), i.value(),
                BigDecimal.valueOf(i.expectedValue()).setScale(6, RoundingMode.HALF_UP), issuedAt, i.expiry());
    }

    /** Records an acceptance once, before the action's expiry; a repeated acceptance answers as the first did. */
    public Uni<NextBestActionAccepted> accept(SqlConnection tx, String issueId, String caller) {
        return tx.preparedQuery("""
                select n.catalogue_action_id, n.customer_id, n.channel, n.product_id, n.issued_at, n.expiry,
                    a.accepted_at
                from bronze.retail_next_best_action n
                left join silver.next_best_action_acceptance a on a.action_id = n.action_id
                where n.action_id = $1 for update of n""").execute(Tuple.of(issueId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No next-best-action was issued with id " + issueId);
                    }
                    Row r = rows.iterator().next();
                    OffsetDateTime accepted = r.getOffsetDateTime(6);
                    var event = new NextBestActionAccepted(issueId, r.getString(0), r.getString(1), r.getString(2),
                            r.getString(3), r.getOffsetDateTime(4),
                            // the database keeps microseconds: a repeated acceptance then answers the same instant
                            accepted == null ? OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)
                                    : accepted);
                    if (accepted != null) {
                        return Uni.createFrom().item(event);
                    }
                    if (!r.getOffsetDateTime(5).isAfter(event.acceptedAt())) {
                        throw ProblemException.conflict("urn:retailcx:problem:next-best-action-expired",
                                "The action expired at " + r.getOffsetDateTime(5));
                    }
                    return tx.preparedQuery("""
                            insert into silver.next_best_action_acceptance (action_id, accepted_at, accepted_by)
                            values ($1, $2, $3)""").execute(Tuple.of(issueId, event.acceptedAt(), caller))
                            .chain(() -> outbox.append(tx, EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_ACCEPTED,
                                    issueId, event.customerId(), event))
                            .call(() -> star.actions(tx, "n.action_id = $1", Tuple.of(issueId)))
                            .replaceWith(event);
                });
    }

    /** Propensity per product for one customer (see the class comment). */
    private final class Propensities {
        private final InteractionMatrix training;
        private final PropensityCalibration.Isotonic map;
        private final double[] scores;
        private final double[] sorted;

        Propensities(Scoring scoring, String customerId) {
            this.training = scoring.recommender() == null ? null : scoring.recommender().training();
            this.map = scoring.map();
            int customer = training == null ? -1 : training.customers().indexOf(customerId);
            if (customer >= 0) {
                scores = new double[training.productCount()];
                scoring.recommender().scoreAll(customer, scores);
                sorted = scores.clone();
                java.util.Arrays.sort(sorted);
            } else {
                scores = null;
                sorted = null;
            }
        }

        double of(String productId) {
            int product = productId == null || training == null ? -1 : training.products().indexOf(productId);
            if (product < 0) {
                return defaultPropensity;
            }
            if (scores == null) {
                return (double) training.customersPerProduct()[product] / Math.max(1, training.customerCount());
            }
            double affinity = PropensityCalibration.affinity(sorted, scores[product]);
            return map == null ? affinity : map.apply(affinity);
        }
    }
}
