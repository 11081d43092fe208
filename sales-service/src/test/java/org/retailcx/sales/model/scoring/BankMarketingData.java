package org.retailcx.sales.model.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Loads the UCI bank-marketing file (see src/test/resources/bank-marketing/README.md) as labelled leads, in
 * file (= date) order. Quoted fields become categorical strings and unquoted ones numbers, which is how a
 * CRM export would arrive; "unknown" stays a category of its own, as the data's documentation allows.
 */
final class BankMarketingData {

    static final String RESOURCE = "/bank-marketing/bank-additional-full.csv.gz";
    static final String OUTCOME = "y";

    private BankMarketingData() {
    }

    static List<LabeledLead> load() {
        try (InputStream raw = BankMarketingData.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("test resource missing: " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            String[] header = unquote(reader.readLine().split(";"));
            List<LabeledLead> leads = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(";");
                Map<String, Object> features = new LinkedHashMap<>();
                Boolean converted = null;
                for (int c = 0; c < header.length; c++) {
                    String field = fields[c];
                    if (header[c].equals(OUTCOME)) {
                        converted = field.equals("\"yes\"");
                    } else if (field.startsWith("\"")) {
                        features.put(header[c], field.substring(1, field.length() - 1));
                    } else {
                        features.put(header[c], Double.parseDouble(field));
                    }
                }
                leads.add(new LabeledLead(new LeadFeatures("row-" + (leads.size() + 1), features), converted));
            }
            return leads;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] unquote(String[] names) {
        String[] plain = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            plain[i] = names[i].replace("\"", "");
        }
        return plain;
    }
}
