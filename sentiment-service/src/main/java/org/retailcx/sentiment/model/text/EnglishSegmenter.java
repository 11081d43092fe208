package org.retailcx.sentiment.model.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Sentence splitting and tokenising of English with Apache OpenNLP's Universal Dependencies (EWT) models, version
 * 1.3 for OpenNLP 2.5.4, loaded from the {@code opennlp-models-sentdetect-en} and {@code opennlp-models-tokenizer-en}
 * artifacts. Line breaks also end a sentence: chat and transcript turns rarely end with a full stop.
 */
public final class EnglishSegmenter {

    private static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

    private final ThreadSafeSentenceDetectorME sentenceDetector;
    private final ThreadSafeTokenizerME tokenizer;

    public EnglishSegmenter() {
        try (InputStream sentences = open(SENTENCE_MODEL); InputStream tokens = open(TOKEN_MODEL)) {
            sentenceDetector = new ThreadSafeSentenceDetectorME(new SentenceModel(sentences));
            tokenizer = new ThreadSafeTokenizerME(new TokenizerModel(tokens));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = EnglishSegmenter.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath");
        }
        return in;
    }

    public List<Sentence> sentences(String text) {
        List<Sentence> sentences = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            if (!line.isBlank()) {
                for (Span span : sentenceDetector.sentPosDetect(line)) {
                    String sentence = span.getCoveredText(line).toString();
                    sentences.add(new Sentence(sentence, lineStart + span.getStart(), lineStart + span.getEnd(),
                            tokens(sentence)));
                }
            }
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    public List<String> tokens(String sentence) {
        return Arrays.asList(tokenizer.tokenize(sentence));
    }
}
