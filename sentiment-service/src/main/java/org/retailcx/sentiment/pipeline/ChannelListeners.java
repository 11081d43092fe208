package org.retailcx.sentiment.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;
import org.retailcx.sentiment.events.SentimentEvents;
import org.retailcx.sentiment.ingest.Channel;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One listener per channel source, all the same steps in the promotion's transaction: analyse the batches' texts
 * into silver, recompute the trends, facts and customer sentiment they touch, raise at-risk alerts, and queue the
 * events. A rebuild re-analyses the channel's whole bronze; {@link Derived} then recomputes every trend and fact.
 */
public final class ChannelListeners {

    /** A customer's sentiment is the mean over this many days up to their latest text. */
    public static final int WINDOW_DAYS = 30;

    private ChannelListeners() {
    }

    /** Singletons, not proxied: the subclasses only name their channel. */
    abstract static class ChannelListener implements BronzeListener, LayerRebuild {
        private final Channel channel;
        private final DocumentAnalyses analyses;
        private final SentimentRollups rollups;
        private final AtRiskAlerts alerts;
        private final SentimentEvents events;

        ChannelListener(Channel channel, DocumentAnalyses analyses, SentimentRollups rollups, AtRiskAlerts alerts,
                SentimentEvents events) {
            this.channel = channel;
            this.analyses = analyses;
            this.rollups = rollups;
            this.alerts = alerts;
            this.events = events;
        }

        @Override
        public String source() {
            return ChannelDocuments.source(channel).name();
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return ChannelDocuments.read(tx, channel, batches.ids())
                    .chain(texts -> analyses.write(tx, texts))
                    .chain(touched -> rollups.refresh(tx, touched, batches.first()))
                    .chain(() -> alerts.raise(tx, channel.code(), batches.ids(), batches.first()))
                    .chain(() -> events.announce(tx, channel.code(), batches.ids(), batches.first(), WINDOW_DAYS));
        }

        @Override
        public String name() {
            return "silver.retail_sentiment_unified (" + channel.code() + ")";
        }

        @Override
        public int order() {
            return 100 + channel.ordinal();
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return tx.preparedQuery("delete from silver.retail_sentiment_unified where channel = $1")
                    .execute(Tuple.of(channel.code()))
                    .chain(() -> ChannelDocuments.read(tx, channel, null))
                    .chain(texts -> analyses.write(tx, texts))
                    .replaceWithVoid();
        }
    }

    @Singleton
    public static class Calls extends ChannelListener {
        public Calls(DocumentAnalyses analyses, SentimentRollups rollups, AtRiskAlerts alerts, SentimentEvents events) {
            super(Channel.CALL, analyses, rollups, alerts, events);
        }
    }

    @Singleton
    public static class Chats extends ChannelListener {
        public Chats(DocumentAnalyses analyses, SentimentRollups rollups, AtRiskAlerts alerts, SentimentEvents events) {
            super(Channel.CHAT, analyses, rollups, alerts, events);
        }
    }

    @Singleton
    public static class Emails extends ChannelListener {
        public Emails(DocumentAnalyses analyses, SentimentRollups rollups, AtRiskAlerts alerts,
                SentimentEvents events) {
            super(Channel.EMAIL, analyses, rollups, alerts, events);
        }
    }

    @Singleton
    public static class Surveys extends ChannelListener {
        public Surveys(DocumentAnalyses analyses, SentimentRollups rollups, AtRiskAlerts alerts,
                SentimentEvents events) {
            super(Channel.SURVEY, analyses, rollups, alerts, events);
        }
    }

    @Singleton
    public static class Social extends ChannelListener {
        public Social(DocumentAnalyses analyses, SentimentRollups rollups, AtRiskAlerts alerts,
                SentimentEvents events) {
            super(Channel.SOCIAL, analyses, rollups, alerts, events);
        }
    }

    /** After every channel is re-analysed: trends, gold facts and customer sentiment from the whole of silver. */
    @ApplicationScoped
    public static class Derived implements LayerRebuild {
        private final SentimentRollups rollups;

        public Derived(SentimentRollups rollups) {
            this.rollups = rollups;
        }

        @Override
        public String name() {
            return "silver.retail_sentiment_trends, gold.fact_customer_sentiment, gold.fact_sentiment_drivers";
        }

        @Override
        public int order() {
            return 200;
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return rollups.rebuildAll(tx);
        }
    }
}
