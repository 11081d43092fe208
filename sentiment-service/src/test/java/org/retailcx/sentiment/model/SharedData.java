package org.retailcx.sentiment.model;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the labelled sentiment data the tests train and score on: the system property {@code retailcx.shared.data}
 * if set (pointing at a {@code shared/data} folder), else the copy in this module's test resources
 * ({@code sentiment-data/}, with its sources and licences), so the tests pass on a clone without shared/.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path sentiment() {
        String configured = System.getProperty("retailcx.shared.data");
        if (configured != null) {
            return require(Path.of(configured).resolve("sentiment"));
        }
        try {
            return require(Path.of(SharedData.class.getResource("/sentiment-data").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path require(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " does not exist");
        }
        return dir;
    }
}
