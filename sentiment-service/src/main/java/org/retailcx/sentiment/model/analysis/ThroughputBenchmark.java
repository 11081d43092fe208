package org.retailcx.sentiment.model.analysis;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.retailcx.sentiment.model.classifier.LabelledCorpora;
import org.retailcx.sentiment.model.classifier.LabelledText;
import org.retailcx.sentiment.model.vader.VaderAnalyzer;

/**
 * Sentences scored per second on one thread, over the 7,815 texts of tfns/sent_valid and GoEmotions test:
 * the VADER engine alone (to set beside the Python original's ≈ 8,500 sentences/s on one core) and the blended
 * sentence score (VADER + supervised model + financial rules). Rates are given per second of the thread's own CPU
 * time (what one core delivers, even on a shared machine) and per wall-clock second. Not a test:
 * <pre>
 * java -cp … org.retailcx.sentiment.model.analysis.ThroughputBenchmark ../shared/data/sentiment [seconds]
 * </pre>
 */
public final class ThroughputBenchmark {

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/sentiment");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        List<String> sentences = new ArrayList<>();
        for (LabelledText example : LabelledCorpora.readTfns(data.resolve("tfns/sent_valid.csv"))) {
            sentences.add(example.text());
        }
        for (LabelledText example : LabelledCorpora.readGoEmotionsGroups(
                data.resolve("goemotions/sentiment_group_test.tsv"))) {
            sentences.add(example.text());
        }
        VaderAnalyzer vader = VaderAnalyzer.fromClasspath();
        report("VADER engine", sentences, seconds, text -> vader.score(text).compound());
        SentimentAnalyzer analyzer = SentimentAnalyzer.fromClasspath();
        report("blended sentence score (conversational)", sentences, seconds,
                text -> analyzer.scoreSentence(text, TextDomain.CONVERSATIONAL).score());
    }

    private interface Scorer {
        double score(String text);
    }

    private static void report(String what, List<String> sentences, double seconds, Scorer scorer) {
        measure(sentences, seconds / 2, scorer); // warm-up: let the JIT compile the hot paths
        double[] rates = measure(sentences, seconds, scorer);
        System.out.printf("%s: %,.0f sentences per CPU-second of one thread, %,.0f per wall-clock second "
                + "(%d distinct sentences)%n", what, rates[0], rates[1], sentences.size());
    }

    /** Sentences per CPU-second and per wall-clock second. */
    private static double[] measure(List<String> sentences, double seconds, Scorer scorer) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long scored = 0;
        double checksum = 0;
        while (System.nanoTime() < deadline) {
            for (String sentence : sentences) {
                checksum += scorer.score(sentence);
            }
            scored += sentences.size();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("a score was NaN");
        }
        return new double[] {scored / cpu, scored / elapsed};
    }
}
