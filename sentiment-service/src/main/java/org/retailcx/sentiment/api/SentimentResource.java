package org.retailcx.sentiment.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Caller;
import org.retailcx.platform.security.Roles;
import org.retailcx.sentiment.ingest.Channel;
import org.retailcx.sentiment.metrics.SentimentQueries;
import org.retailcx.sentiment.metrics.SentimentViews.AgentImpact;
import org.retailcx.sentiment.metrics.SentimentViews.Alert;
import org.retailcx.sentiment.metrics.SentimentViews.ChurnCorrelation;
import org.retailcx.sentiment.metrics.SentimentViews.CustomerSentiment;
import org.retailcx.sentiment.metrics.SentimentViews.Document;
import org.retailcx.sentiment.metrics.SentimentViews.Drivers;
import org.retailcx.sentiment.metrics.SentimentViews.TopicDiscoveryRun;
import org.retailcx.sentiment.metrics.SentimentViews.TrendPoint;
import org.retailcx.sentiment.metrics.SentimentViews.VendorAgreement;
import org.retailcx.sentiment.model.analysis.BankingTopic;
import org.retailcx.sentiment.pipeline.TopicDiscoveries;

import io.smallrye.mutiny.Uni;

/** Analysed texts, customer sentiment, trends, drivers, at-risk alerts and agent impact. Days are UTC, inclusive. */
@Path("/api/v1/sentiment")
@Produces(MediaType.APPLICATION_JSON)
public class SentimentResource {

    /** Topics and channels as stored ({@code cards}, {@code call}); {@code all} is every text in a trend. */
    private static final List<String> TOPICS = java.util.stream.Stream.concat(
            java.util.Arrays.stream(BankingTopic.values()).map(BankingTopic::label), java.util.stream.Stream.of("all"))
            .toList();

    private final SentimentQueries queries;
    private final TopicDiscoveries discoveries;
    private final Caller caller;

    public SentimentResource(SentimentQueries queries, TopicDiscoveries discoveries, Caller caller) {
        this.queries = queries;
        this.discoveries = discoveries;
        this.caller = caller;
    }

    @GET
    @Path("/documents/{channel}/{sourceRecordId}")
    @RolesAllowed({ Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "One analysed text: redacted text, sentences with scores, topics, keywords, intent to leave")
    public Uni<Document> document(@PathParam("channel") String channel,
            @PathParam("sourceRecordId") String sourceRecordId) {
        return queries.document(channel(channel, "channel"), sourceRecordId);
    }

    @GET
    @Path("/customers/{customerId}")
    @RolesAllowed({ Roles.CX_ANALYST, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.SERVICE, Roles.ADMIN })
    @Operation(summary = "A customer's current sentiment (30-day mean), alerts, clv's P(alive), and their days")
    public Uni<CustomerSentiment> customer(@PathParam("customerId") String customerId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.customer(customerId, day(from, "from"), day(to, "to"),
                org.retailcx.sentiment.pipeline.ChannelListeners.WINDOW_DAYS);
    }

    @GET
    @Path("/trends")
    @RolesAllowed({ Roles.CX_ANALYST, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Customer sentiment per day and channel; filter by topic, product, customer")
    public Uni<List<TrendPoint>> trends(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("channel") String channel, @QueryParam("topic") String topic,
            @QueryParam("product") String product, @QueryParam("customerId") String customerId) {
        if (topic != null && !TOPICS.contains(topic)) {
            throw ProblemException.invalid("topic", "unknown topic " + topic + " (topics: " + String.join(", ", TOPICS)
                    + ")");
        }
        return queries.trends(day(from, "from"), day(to, "to"), channel == null ? null : channel(channel, "channel"),
                topic, product, customerId);
    }

    @GET
    @Path("/drivers")
    @RolesAllowed({ Roles.CX_ANALYST, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Topics and keywords by how much they move sentiment (most negative impact first)")
    public Uni<Drivers> drivers(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("channel") String channel, @QueryParam("kind") String kind,
            @QueryParam("limit") Integer limit) {
        if (kind != null && !kind.equals("topic") && !kind.equals("keyword")) {
            throw ProblemException.invalid("kind", "must be topic or keyword");
        }
        return queries.drivers(day(from, "from"), day(to, "to"), channel == null ? null : channel(channel, "channel"),
                kind, Page.limit(limit));
    }

    @GET
    @Path("/alerts")
    @RolesAllowed({ Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "At-risk alerts, oldest first (reason leave-intent or negative-sentiment)")
    public Uni<Page<Alert>> alerts(@QueryParam("customerId") String customerId, @QueryParam("reason") String reason,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        if (reason != null && !reason.equals("leave-intent") && !reason.equals("negative-sentiment")) {
            throw ProblemException.invalid("reason", "must be leave-intent or negative-sentiment");
        }
        return queries.alerts(customerId, reason, Page.limit(limit), cursor);
    }

    @GET
    @Path("/agents/impact")
    @RolesAllowed({ Roles.CX_ANALYST, Roles.ADMIN })
    @Operation(summary = "Per agent: the customer's sentiment at the start vs the end of their calls (worst first)")
    public Uni<List<AgentImpact>> agentImpact(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("agentId") String agentId) {
        return queries.agentImpact(day(from, "from"), day(to, "to"), agentId);
    }

    @GET
    @Path("/churn-correlation")
    @RolesAllowed({ Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Sentiment vs clv's P(alive) over the customers with both: Pearson's r, at-risk vs not,"
            + " customers clv counts as lost (P(alive) < lostBelow, default 0.5) vs active")
    public Uni<ChurnCorrelation> churnCorrelation(@QueryParam("lostBelow") Double lostBelow) {
        double threshold = lostBelow == null ? 0.5 : lostBelow;
        if (!(threshold > 0 && threshold < 1)) {
            throw ProblemException.invalid("lostBelow", "must be a probability between 0 and 1 (exclusive)");
        }
        return queries.churnCorrelation(threshold);
    }

    @GET
    @Path("/vendor-agreement")
    @RolesAllowed({ Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "External NLP vendors' results beside this service's analysis of the same texts")
    public Uni<List<VendorAgreement>> vendorAgreement(@QueryParam("nlpModelVersion") String nlpModelVersion,
            @QueryParam("channel") String channel) {
        return queries.vendorAgreement(nlpModelVersion, channel == null ? null : channel(channel, "channel"));
    }

    @POST
    @Path("/topics/discovered")
    @RolesAllowed({ Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Discover k topics in the customers' texts of a window (NMF on TF-IDF) and store them")
    public Uni<Response> discoverTopics(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("k") Integer k, @QueryParam("channel") String channel) {
        TopicDiscoveries.Request request = discoveryRequest(from, to, k, channel);
        return discoveries.discover(request).chain(queries::discovery)
                .map(run -> Response.created(java.net.URI.create("/api/v1/sentiment/topics/discovered/"
                        + run.discoveryId())).entity(run).build());
    }

    @GET
    @Path("/topics/discovered")
    @RolesAllowed({ Roles.CX_ANALYST, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "The newest stored discovery over exactly this window, k and channel")
    public Uni<TopicDiscoveryRun> discoveredTopics(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("k") Integer k, @QueryParam("channel") String channel) {
        TopicDiscoveries.Request request = discoveryRequest(from, to, k, channel);
        return queries.latestDiscovery(request.from(), request.to(), request.channel(), request.topics());
    }

    @GET
    @Path("/topics/discovered/{discoveryId}")
    @RolesAllowed({ Roles.CX_ANALYST, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "A stored topic discovery: its topics, their terms, sizes, sentiment and example texts")
    public Uni<TopicDiscoveryRun> discovery(@PathParam("discoveryId") long discoveryId) {
        return queries.discovery(discoveryId);
    }

    private TopicDiscoveries.Request discoveryRequest(String from, String to, Integer k, String channel) {
        LocalDate first = required(day(from, "from"), "from");
        LocalDate last = required(day(to, "to"), "to");
        if (last.isBefore(first)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (first.plusDays(TopicDiscoveries.MAX_WINDOW_DAYS).isBefore(last.plusDays(1))) {
            throw ProblemException.invalid("to", "a window spans at most " + TopicDiscoveries.MAX_WINDOW_DAYS
                    + " days");
        }
        int topics = k == null ? 8 : k;
        if (topics < TopicDiscoveries.MIN_TOPICS || topics > TopicDiscoveries.MAX_TOPICS) {
            throw ProblemException.invalid("k", "must be between " + TopicDiscoveries.MIN_TOPICS + " and "
                    + TopicDiscoveries.MAX_TOPICS);
        }
        return new TopicDiscoveries.Request(first, last, channel == null ? null : channel(channel, "channel"),
                topics, caller.subject());
    }

    private static LocalDate required(LocalDate value, String field) {
        if (value == null) {
            throw ProblemException.invalid(field, "required: a date such as 2026-11-23");
        }
        return value;
    }

    private static String channel(String value, String field) {
        try {
            return Channel.parse(value).code();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "unknown channel " + value + " (channels: call, chat, email,"
                    + " survey, social)");
        }
    }

    private static LocalDate day(String value, String field) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date such as 2026-11-23");
        }
    }
}
