package org.retailcx.sentiment.model.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.retailcx.sentiment.model.pii.PiiType;

/**
 * Keywords by RAKE (Rose et al. 2010, "Automatic keyword extraction from individual documents"): candidate phrases
 * are runs of content words between stop words and punctuation (at most three words), each word scores its degree
 * over its frequency, a phrase the sum of its words. Works on one document, no corpus statistics needed.
 * Redaction placeholders ("[CARD]") are never keywords.
 */
public final class KeywordExtractor {

    private static final int MAX_PHRASE_WORDS = 3;

    private static final Set<String> STOP_WORDS = Set.of((
            "a about above after again against all am an and any are aren't as at be because been before being"
            + " below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't"
            + " down during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's"
            + " her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it"
            + " it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought"
            + " our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such"
            + " than that that's the their theirs them themselves then there there's these they they'd they'll"
            + " they're they've this those through to too under until up very was wasn't we we'd we'll we're we've"
            + " were weren't what what's when when's where where's which while who who's whom why why's with won't"
            + " would wouldn't you you'd you'll you're you've your yours yourself yourselves also just get got still"
            + " even really yes ok okay hi hello please thanks thank ca n't 's 're 've 'm 'll 'd will one like im"
            + " dont cant").split(" "));

    private static final Set<String> PLACEHOLDERS = placeholders();

    public List<String> extract(List<String> tokens, int limit) {
        List<List<String>> phrases = candidatePhrases(tokens);
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, Integer> degree = new HashMap<>();
        for (List<String> phrase : phrases) {
            for (String word : phrase) {
                frequency.merge(word, 1, Integer::sum);
                degree.merge(word, phrase.size(), Integer::sum);
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<String> phrase : phrases) {
            double score = 0;
            for (String word : phrase) {
                score += degree.get(word) / (double) frequency.get(word);
            }
            scores.merge(String.join(" ", phrase), score, Math::max);
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    private static List<List<String>> candidatePhrases(List<String> tokens) {
        List<List<String>> phrases = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String lower = token.toLowerCase(Locale.ROOT).replace('’', '\'');
            boolean placeholder = PLACEHOLDERS.contains(token) && i > 0 && tokens.get(i - 1).equals("[");
            if (placeholder || STOP_WORDS.contains(lower) || !isContentWord(lower)) {
                flush(current, phrases);
                continue;
            }
            current.add(lower);
            if (current.size() == MAX_PHRASE_WORDS) {
                flush(current, phrases);
            }
        }
        flush(current, phrases);
        return phrases;
    }

    private static boolean isContentWord(String token) {
        if (token.length() < 2) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetter(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void flush(List<String> current, List<List<String>> phrases) {
        if (!current.isEmpty()) {
            phrases.add(List.copyOf(current));
            current.clear();
        }
    }

    private static Set<String> placeholders() {
        List<String> names = new ArrayList<>();
        for (PiiType type : PiiType.values()) {
            names.add(type.name());
        }
        return Set.copyOf(names);
    }
}
