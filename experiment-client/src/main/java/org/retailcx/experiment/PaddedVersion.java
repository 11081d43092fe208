package org.retailcx.experiment;

import java.util.regex.Pattern;

/**
 * GrowthBook's version comparison key: a version string turned into a string whose plain ordering is the SemVer
 * ordering (numeric parts left-padded, a release without pre-release tag sorting after its pre-releases).
 */
final class PaddedVersion {

    private static final Pattern PREFIX_OR_BUILD = Pattern.compile("(^v|\\+.*$)");
    private static final Pattern SEPARATOR = Pattern.compile("[-.]");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");
    private static final int PAD_WIDTH = 5;

    private PaddedVersion() {
    }

    static String of(Object input) {
        Object version = input instanceof Number ? JsValues.toJsString(input) : input;
        String text = version instanceof String string && !string.isEmpty() ? string : "0";
        String[] parts = SEPARATOR.split(PREFIX_OR_BUILD.matcher(text).replaceAll(""), -1);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                key.append('-');
            }
            String part = parts[i];
            if (NUMERIC.matcher(part).matches()) {
                key.append(" ".repeat(Math.max(0, PAD_WIDTH - part.length())));
            }
            key.append(part);
        }
        if (parts.length == 3) {
            // '~' sorts after every other ASCII character: 1.0.0 comes after 1.0.0-beta
            key.append("-~");
        }
        return key.toString();
    }
}
