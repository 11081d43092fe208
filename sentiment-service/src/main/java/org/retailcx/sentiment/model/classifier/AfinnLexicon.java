package org.retailcx.sentiment.model.classifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** AFINN-165 (Finn Årup Nielsen, Apache-2.0): 3,382 English words and phrases rated −5..5. */
public final class AfinnLexicon {

    private static final String RESOURCE = "/org/retailcx/sentiment/model/afinn/AFINN-en-165.txt";

    private final Map<String, Integer> valences;

    private AfinnLexicon(Map<String, Integer> valences) {
        this.valences = Map.copyOf(valences);
    }

    public static AfinnLexicon fromClasspath() {
        Map<String, Integer> valences = new HashMap<>();
        try (InputStream in = AfinnLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.lastIndexOf('\t');
                if (tab > 0) {
                    valences.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1).strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AfinnLexicon(valences);
    }

    /** Sum of the valences of the lower-cased tokens, two-word phrases ("no fun") before single words. */
    public int sum(List<String> tokens) {
        int sum = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (i + 1 < tokens.size()) {
                Integer phrase = valences.get(tokens.get(i) + " " + tokens.get(i + 1));
                if (phrase != null) {
                    sum += phrase;
                    i++;
                    continue;
                }
            }
            sum += valences.getOrDefault(tokens.get(i), 0);
        }
        return sum;
    }
}
