package org.retailcx.clv.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Loads the CDNOW test resources (see src/test/resources/cdnow/README.md). */
final class CdnowData {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

    private CdnowData() {
    }

    /** The 6,919 purchase records, customer id = sample id without leading zeros ("1".."2357"). */
    static List<Transaction> transactions() {
        DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
        List<Transaction> result = new ArrayList<>();
        for (String line : lines("cdnow/CDNOW_sample.txt")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 5) {
                result.add(new Transaction(String.valueOf(Integer.parseInt(f[1])), LocalDate.parse(f[2], day),
                        Double.parseDouble(f[4])));
            }
        }
        return result;
    }

    /** The published summary (ID, frequency, recency, T), monetary value 0. */
    static List<CustomerSummary> publishedSummary() {
        List<CustomerSummary> result = new ArrayList<>();
        for (String line : lines("cdnow/cdnow_customers_summary.csv")) {
            if (line.startsWith("ID")) {
                continue;
            }
            String[] f = line.split(",");
            result.add(CustomerSummary.of(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3])));
        }
        return result;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = CdnowData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
