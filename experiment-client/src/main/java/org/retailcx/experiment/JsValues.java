package org.retailcx.experiment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * JavaScript's coercions on JSON-shaped values, as far as GrowthBook's condition and hashing rules depend on them:
 * {@code String(x)}, {@code Number(x)}, truthiness, strict equality, relational comparison and
 * {@code JSON.stringify}. GrowthBook defines its semantics by its JavaScript SDK, so a compatible evaluator has to
 * coerce the same way (e.g. {@code {"n": {"$gt": 5}}} matches {@code {"n": "8"}}).
 */
public final class JsValues {

    private static final Pattern DECIMAL_LITERAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX_LITERAL = Pattern.compile("0[xX][0-9a-fA-F]+");
    private static final Pattern LEADING_INT = Pattern.compile("^\\s*([+-]?\\d+)");

    private JsValues() {
    }

    /** {@code String(value)}. */
    public static String toJsString(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number number) {
            return numberToString(number);
        }
        if (value instanceof List<?> list) {
            StringJoiner joined = new StringJoiner(",");
            for (Object element : list) {
                joined.add(element == null ? "" : toJsString(element));
            }
            return joined.toString();
        }
        if (value instanceof Map<?, ?>) {
            return "[object Object]";
        }
        return value.toString();
    }

    private static String numberToString(Number number) {
        if (!(number instanceof Double || number instanceof Float || number instanceof BigDecimal)) {
            return number.toString();
        }
        double value = number.doubleValue();
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-6 && magnitude < 1e21) {
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
        String scientific = Double.toString(value);
        int exponentAt = scientific.indexOf('E');
        String mantissa = scientific.substring(0, exponentAt).replaceFirst("\\.0$", "");
        String exponent = scientific.substring(exponentAt + 1);
        return mantissa + "e" + (exponent.startsWith("-") ? "" : "+") + exponent;
    }

    /** {@code Number(value)}: NaN when the value is not numeric. */
    public static double toNumber(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        if (value instanceof String text) {
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                return 0;
            }
            if (DECIMAL_LITERAL.matcher(trimmed).matches()) {
                return Double.parseDouble(trimmed);
            }
            if (HEX_LITERAL.matcher(trimmed).matches()) {
                return Long.parseLong(trimmed.substring(2), 16);
            }
            return switch (trimmed) {
                case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
        }
        if (value instanceof List<?>) {
            return toNumber(toJsString(value));
        }
        return Double.NaN;
    }

    /** {@code parseInt(text, 10)}: the leading integer, or empty where JavaScript gives NaN. */
    public static OptionalInt parseLeadingInt(String text) {
        var matcher = LEADING_INT.matcher(text);
        if (!matcher.find()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(matcher.group(1)));
        } catch (NumberFormatException tooLarge) {
            return OptionalInt.empty();
        }
    }

    public static boolean isTruthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Number number) {
            double numeric = number.doubleValue();
            return numeric != 0 && !Double.isNaN(numeric);
        }
        if (value instanceof String text) {
            return !text.isEmpty();
        }
        return true;
    }

    /** {@code a === b}: arrays and objects are equal only to themselves. */
    public static boolean strictEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof String || a instanceof Boolean) {
            return a.equals(b);
        }
        return a == b;
    }

    /** SameValueZero, the equality of {@code Array.prototype.includes}: like === except that NaN equals NaN. */
    static boolean sameValueZero(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && Double.isNaN(x.doubleValue())) {
            return Double.isNaN(y.doubleValue());
        }
        return strictEquals(a, b);
    }

    /**
     * JavaScript's relational comparison of {@code a} with {@code b}: negative, zero or positive, or {@code null}
     * where JavaScript's answer is "undefined" (a NaN on either side), which makes every comparison false. Two
     * strings compare by UTF-16 code units; anything else compares as numbers.
     */
    public static Integer compare(Object a, Object b) {
        Object left = toPrimitive(a);
        Object right = toPrimitive(b);
        if (left instanceof String x && right instanceof String y) {
            return Integer.signum(x.compareTo(y));
        }
        double x = toNumber(left);
        double y = toNumber(right);
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return null;
        }
        return Double.compare(x == 0 ? 0.0 : x, y == 0 ? 0.0 : y);
    }

    private static Object toPrimitive(Object value) {
        return value instanceof List<?> || value instanceof Map<?, ?> ? toJsString(value) : value;
    }

    /** {@code JSON.stringify(value)} with the map's own key order. */
    public static String toJson(Object value) {
        StringBuilder out = new StringBuilder();
        appendJson(out, value);
        return out.toString();
    }

    private static void appendJson(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            appendQuoted(out, text);
        } else if (value instanceof Number number) {
            double numeric = number.doubleValue();
            out.append(Double.isNaN(numeric) || Double.isInfinite(numeric) ? "null" : numberToString(number));
        } else if (value instanceof Boolean flag) {
            out.append(flag);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendJson(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendQuoted(out, String.valueOf(entry.getKey()));
                out.append(':');
                appendJson(out, entry.getValue());
            }
            out.append('}');
        } else {
            appendQuoted(out, value.toString());
        }
    }

    private static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
