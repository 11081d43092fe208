package org.retailcx.sentiment.pipeline;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.retailcx.sentiment.model.analysis.SentimentAnalyzer;

import io.quarkus.runtime.Startup;

/**
 * One analyser per process, built at start-up: loading its models takes seconds, which must not happen on an event
 * loop thread when the first batch arrives. It is thread-safe.
 */
public class SentimentEngine {

    @Produces
    @Singleton
    @Startup
    SentimentAnalyzer analyzer() {
        return SentimentAnalyzer.fromClasspath();
    }
}
