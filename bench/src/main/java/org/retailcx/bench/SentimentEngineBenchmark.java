package org.retailcx.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.retailcx.sentiment.model.analysis.SentimentAnalyzer;
import org.retailcx.sentiment.model.analysis.TextDomain;
import org.retailcx.sentiment.model.classifier.LabelledCorpora;
import org.retailcx.sentiment.model.classifier.LabelledText;
import org.retailcx.sentiment.model.vader.VaderAnalyzer;
import org.retailcx.synthetic.sentiment.ChatGenerator;

/**
 * sentiment-service's pure-Java engine on one thread (no suite): sentences scored per second over the 7,815 texts of
 * tfns/sent_valid and GoEmotions test — the VADER engine alone, to set beside the Python original's ≈ 8,500
 * sentences/s on one core, and the blended sentence score (VADER + supervised model + financial rules) — and whole
 * chat messages analysed per second (PII redaction, language, sentences, blend, keywords, topics, leave intent).
 * Rates are per second of the thread's own CPU time (what one core delivers, even on a shared machine) and per
 * wall-clock second; each runs {@code --seconds} after half as long of warm-up.
 * <pre>
 * SentimentEngineBenchmark --data DIR [--seconds 8] [--label TEXT] [--out FILE]
 * </pre>
 */
public final class SentimentEngineBenchmark {

    /** VADER's reference implementation (Python) on one core, as the issue quotes it. */
    private static final double PYTHON_VADER_PER_SECOND = 8_500;

    private SentimentEngineBenchmark() {
    }

    private interface Scorer {
        double score(String text);
    }

    public static void main(String[] args) throws IOException {
        BenchOptions o = new BenchOptions(args);
        Path data = Path.of(o.get("data", "../shared/data/sentiment"));
        double seconds = Double.parseDouble(o.get("seconds", "8"));
        List<String> sentences = new ArrayList<>();
        for (LabelledText example : LabelledCorpora.readTfns(data.resolve("tfns/sent_valid.csv"))) {
            sentences.add(example.text());
        }
        for (LabelledText example : LabelledCorpora.readGoEmotionsGroups(
                data.resolve("goemotions/sentiment_group_test.tsv"))) {
            sentences.add(example.text());
        }
        List<String> chats = ChatGenerator.generate(2_000, 42).messages().stream()
                .map(m -> (String) m.get("message")).toList();
        VaderAnalyzer vader = VaderAnalyzer.fromClasspath();
        SentimentAnalyzer analyzer = SentimentAnalyzer.fromClasspath();

        StringBuilder md = new StringBuilder();
        md.append("# Sentiment engine benchmark ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append("\n\n");
        md.append(String.format(Locale.ROOT, "- %s%n- machine: %d cores, %s %s, Java %s, load average %.1f; one"
                + " thread, %.0f s per row after %.0f s of warm-up%n%n", o.get("label", ""),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), seconds, seconds / 2));
        md.append("| what | texts | per CPU-second of one thread | per wall-clock second | vs Python VADER ≈ 8,500"
                + " sentences/s |\n|---|---:|---:|---:|---:|\n");
        row(md, "VADER engine (`VaderAnalyzer.score`), sentences", true, sentences, seconds,
                text -> vader.score(text).compound());
        row(md, "blended sentence score (VADER + conversational model + financial rules), sentences", true, sentences,
                seconds, text -> analyzer.scoreSentence(text, TextDomain.CONVERSATIONAL).score());
        row(md, "whole chat messages, language declared `en` as the chats send it (`SentimentAnalyzer.analyse`:"
                + " redaction, sentences, blend, keywords, topics, leave intent)", false, chats, seconds,
                text -> analyzer.analyse(text, TextDomain.CONVERSATIONAL, "en").sentiment()
                        .map(s -> s.score()).orElse(0.0));
        row(md, "whole chat messages, language detected (OpenNLP langdetect first)", false, chats, seconds,
                text -> analyzer.analyse(text, TextDomain.CONVERSATIONAL, null).sentiment()
                        .map(s -> s.score()).orElse(0.0));
        md.append("\nTexts: tfns `sent_valid` + GoEmotions test (").append(String.format(Locale.ROOT, "%,d",
                sentences.size())).append(" distinct) for sentences; ").append(String.format(Locale.ROOT, "%,d",
                chats.size())).append(" synthetic chat messages (`ChatGenerator`, 2,000 customers, seed 42).\n");
        o.report(md);
    }

    private static void row(StringBuilder md, String what, boolean sentences, List<String> texts, double seconds,
            Scorer scorer) {
        measure(texts, seconds / 2, scorer); // warm-up: let the JIT compile the hot paths
        double[] rates = measure(texts, seconds, scorer);
        md.append(String.format(Locale.ROOT, "| %s | %,d | **%,.0f** | %,.0f | %s |%n", what, texts.size(),
                rates[0], rates[1], sentences ? String.format(Locale.ROOT, "%.1f×", rates[0] / PYTHON_VADER_PER_SECOND)
                        : "—"));
        System.out.printf(Locale.ROOT, "%s: %,.0f per CPU-second%n", what, rates[0]);
    }

    /** Texts per CPU-second and per wall-clock second. */
    private static double[] measure(List<String> texts, double seconds, Scorer scorer) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long scored = 0;
        double checksum = 0;
        while (System.nanoTime() < deadline) {
            for (String text : texts) {
                checksum += scorer.score(text);
            }
            scored += texts.size();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("a score was NaN");
        }
        return new double[] { scored / cpu, scored / elapsed };
    }
}
