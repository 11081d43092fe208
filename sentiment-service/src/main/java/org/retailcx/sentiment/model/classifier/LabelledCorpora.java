package org.retailcx.sentiment.model.classifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Readers for the two labelled sets the classifiers are trained on: Twitter Financial News Sentiment
 * ({@code text,label} CSV, quoted fields may span lines; 0 bearish, 1 bullish, 2 neutral) and GoEmotions mapped to
 * sentiment groups (TSV: text, comma-separated group ids, comment id; 0 ambiguous, 1 negative, 2 neutral,
 * 3 positive).
 */
public final class LabelledCorpora {

    private LabelledCorpora() {
    }

    public static List<LabelledText> readTfns(Path csv) throws IOException {
        String content = Files.readString(csv, StandardCharsets.UTF_8);
        List<List<String>> rows = parseCsv(content);
        List<LabelledText> examples = new ArrayList<>(rows.size());
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() == 2) {
                examples.add(LabelledText.of(row.get(0), Integer.parseInt(row.get(1).strip())));
            }
        }
        return examples;
    }

    public static List<LabelledText> readGoEmotionsGroups(Path tsv) throws IOException {
        List<LabelledText> examples = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (fields.length < 2) {
                continue;
            }
            Set<Integer> labels = new HashSet<>();
            for (String id : fields[1].split(",")) {
                labels.add(Integer.parseInt(id.strip()));
            }
            examples.add(new LabelledText(fields[0], labels));
        }
        return examples;
    }

    /** RFC 4180: fields separated by commas, optionally quoted, "" inside quotes is a quote, quotes may hold newlines. */
    static List<List<String>> parseCsv(String content) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
