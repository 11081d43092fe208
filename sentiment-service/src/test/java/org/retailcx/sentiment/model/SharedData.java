package org.retailcx.sentiment.model;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared labelled data ({@code shared/data/sentiment}): the system property {@code retailcx.shared.data}
 * if set (pointing at {@code shared/data}), else the nearest {@code shared/data} beside this checkout or one of its
 * parents — where CI and the developers' machines keep it.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path sentiment() {
        String configured = System.getProperty("retailcx.shared.data");
        if (configured != null) {
            return require(Path.of(configured).resolve("sentiment"));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/sentiment");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data/sentiment not found beside the checkout or its parents; "
                + "set -Dretailcx.shared.data=/path/to/shared/data");
    }

    private static Path require(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " does not exist");
        }
        return dir;
    }
}
