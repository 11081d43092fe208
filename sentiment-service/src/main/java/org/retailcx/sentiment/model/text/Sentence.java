package org.retailcx.sentiment.model.text;

import java.util.List;

/** One sentence: its text, its character range in the document, and its tokens. */
public record Sentence(String text, int start, int end, List<String> tokens) {

    public Sentence {
        tokens = List.copyOf(tokens);
    }
}
