package org.retailcx.sentiment.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.retailcx.sentiment.model.SharedData;
import org.retailcx.sentiment.model.classifier.LabelledCorpora;

/**
 * Pins the blended sentence scores bit for bit: every tfns/sent_valid and GoEmotions test text (7,815) scored in each
 * domain, the three class weights' IEEE bits and the label fed into a SHA-256. The expected digests were produced by
 * the code before the hot path was optimised (commit 9cf1089), so any change to tokenising, hashing or blending that
 * moves a single score by one ulp fails here.
 */
class BlendedScorePinTest {

    private static final SentimentAnalyzer ANALYZER = SentimentAnalyzer.fromClasspath();
    private static final Path DATA = SharedData.sentiment();

    private static final Map<TextDomain, String> EXPECTED = new EnumMap<>(Map.of(
            TextDomain.CONVERSATIONAL,
            "18e1396a8a6f9fa2d6374154cab9be26488371129e0b3d7a951de65b651bb657",
            TextDomain.FINANCIAL,
            "470dedf2570a4960ac0e4a171b28660318c4884825853ea33bc93b1a37da2cfb",
            TextDomain.SOCIAL,
            "9770508070d6bc202fe0a74f84187202746c72e752828f2439dc629f37c97b22"));

    @Test
    void blendedScoresAreThoseOfTheReferenceImplementation() throws IOException {
        List<String> texts = new ArrayList<>();
        LabelledCorpora.readTfns(DATA.resolve("tfns/sent_valid.csv")).forEach(t -> texts.add(t.text()));
        LabelledCorpora.readGoEmotionsGroups(DATA.resolve("goemotions/sentiment_group_test.tsv"))
                .forEach(t -> texts.add(t.text()));
        assertEquals(7_815, texts.size());
        Map<TextDomain, String> actual = new EnumMap<>(TextDomain.class);
        for (TextDomain domain : TextDomain.values()) {
            actual.put(domain, digest(texts, domain));
        }
        System.out.println("blended score digests: " + actual);
        assertEquals(EXPECTED, actual);
    }

    private static String digest(List<String> texts, TextDomain domain) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(3 * Double.BYTES + 1);
        for (String text : texts) {
            SentimentEstimate estimate = ANALYZER.scoreSentence(text, domain);
            buffer.clear();
            buffer.putDouble(estimate.negative()).putDouble(estimate.neutral()).putDouble(estimate.positive())
                    .put((byte) estimate.label().ordinal());
            sha.update(buffer.array());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
