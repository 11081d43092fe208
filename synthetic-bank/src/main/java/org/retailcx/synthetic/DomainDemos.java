package org.retailcx.synthetic;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.retailcx.synthetic.journey.JourneyDemo;
import org.retailcx.synthetic.sales.SalesDataset;
import org.retailcx.synthetic.sentiment.SentimentDemo;

/**
 * The demo's steps after the sales organisation and clv histories are loaded: one step per domain service, each
 * feeding its service through the public API with the same customers (ACC-0000001...). A step whose service is not
 * running, or answers with an error, is reported and skipped, so one missing piece does not stop a demo.
 */
public final class DomainDemos {

    /** The services' base URLs by name ({@code personalization}, {@code recommendation}, ...), absent when not given. */
    public record Context(Map<String, URI> services, String token, SalesDataset dataset, PrintStream out) {

        /** A client for the named service, or null when it is not running (the step then says so and is skipped). */
        public ApiClient client(String service) {
            URI base = services.get(service);
            return base != null && ready(base) ? new ApiClient(base, token, "synthetic-bank") : null;
        }
    }

    /** One domain's part of the demo: what it loaded, in a line. */
    public interface Step {
        String run();
    }

    private DomainDemos() {
    }

    public static void run(Context c) {
        step(c.out(), "sentiment texts", () -> SentimentDemo.load(c));
        step(c.out(), "recommendations", () -> org.retailcx.synthetic.recommendation.RecommendationDemo.load(c));
        step(c.out(), "journeys", () -> JourneyDemo.load(c));
    }

    /** Runs a step, printing its one-line result and time, or why it was not done. */
    public static void step(PrintStream out, String name, Step step) {
        long t0 = System.nanoTime();
        try {
            String result = step.run();
            out.printf(Locale.ROOT, "  %-18s %s (%.1f s)%n", name, result, (System.nanoTime() - t0) / 1e9);
        } catch (ApiClient.ApiException e) {
            out.printf(Locale.ROOT, "  %-18s not done: %s%n", name, e.getMessage());
        }
    }

    public static boolean ready(URI base) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
