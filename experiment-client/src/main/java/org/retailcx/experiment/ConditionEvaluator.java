package org.retailcx.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * GrowthBook's targeting conditions (its {@code evalCondition}): a MongoDB-like query over a customer's attributes.
 * Keys are dot paths into the attributes or the logical operators {@code $and $or $nor $not}; values are literals
 * (compared with JavaScript's coercions) or operator objects ({@code $eq $ne $lt $lte $gt $gte $regex $regexi $in
 * $nin $ini $nini $all $alli $elemMatch $size $exists $type $not $inGroup $notInGroup} and the version comparisons
 * {@code $veq $vne $vgt $vgte $vlt $vlte}). An unknown operator fails the condition.
 */
public final class ConditionEvaluator {

    private static final Map<String, Optional<Pattern>> REGEX_CACHE = new ConcurrentHashMap<>();

    private final Map<String, List<Object>> savedGroups;

    /** @param savedGroups named lists of attribute values for {@code $inGroup} and {@code $notInGroup} */
    public ConditionEvaluator(Map<String, List<Object>> savedGroups) {
        this.savedGroups = Map.copyOf(savedGroups);
    }

    public static boolean matches(Object attributes, Map<String, Object> condition) {
        return new ConditionEvaluator(Map.of()).evaluate(attributes, condition);
    }

    public boolean evaluate(Object attributes, Map<String, Object> condition) {
        for (Map.Entry<String, Object> clause : condition.entrySet()) {
            Object argument = clause.getValue();
            boolean passes = switch (clause.getKey()) {
                case "$or" -> anyMatches(attributes, argument);
                case "$nor" -> !anyMatches(attributes, argument);
                case "$and" -> allMatch(attributes, argument);
                case "$not" -> !evaluate(attributes, asCondition(argument));
                default -> valueMatches(argument, path(attributes, clause.getKey()), false);
            };
            if (!passes) {
                return false;
            }
        }
        return true;
    }

    /** The value at a dot path, or {@code null} when any step is missing (GrowthBook does not tell the two apart). */
    public static Object path(Object attributes, String dotPath) {
        Object current = attributes;
        for (String step : dotPath.split("\\.", -1)) {
            if (current instanceof Map<?, ?> map && map.containsKey(step)) {
                current = map.get(step);
            } else if (current instanceof List<?> list && isIndex(step, list.size())) {
                current = list.get(Integer.parseInt(step));
            } else {
                return null;
            }
        }
        return current;
    }

    private static boolean isIndex(String step, int size) {
        if (step.isEmpty() || step.length() > 9 || !step.chars().allMatch(Character::isDigit)
                || (step.length() > 1 && step.charAt(0) == '0')) {
            return false;
        }
        return Integer.parseInt(step) < size;
    }

    private boolean anyMatches(Object attributes, Object conditions) {
        List<?> alternatives = (List<?>) conditions;
        if (alternatives.isEmpty()) {
            return true;
        }
        for (Object alternative : alternatives) {
            if (evaluate(attributes, asCondition(alternative))) {
                return true;
            }
        }
        return false;
    }

    private boolean allMatch(Object attributes, Object conditions) {
        for (Object part : (List<?>) conditions) {
            if (!evaluate(attributes, asCondition(part))) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asCondition(Object condition) {
        return (Map<String, Object>) condition;
    }

    private boolean valueMatches(Object condition, Object value, boolean caseInsensitive) {
        if (condition instanceof String expected) {
            String actual = JsValues.toJsString(value);
            return caseInsensitive ? actual.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT))
                    : actual.equals(expected);
        }
        if (condition instanceof Number expected) {
            return JsValues.toNumber(value) == expected.doubleValue();
        }
        if (condition instanceof Boolean expected) {
            return value != null && JsValues.isTruthy(value) == expected;
        }
        if (condition == null) {
            return value == null;
        }
        if (!isOperatorObject(condition)) {
            return JsValues.toJson(value).equals(JsValues.toJson(condition));
        }
        for (Map.Entry<String, Object> operator : asCondition(condition).entrySet()) {
            if (!operatorMatches(operator.getKey(), value, operator.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOperatorObject(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            return false;
        }
        for (Object key : map.keySet()) {
            if (!String.valueOf(key).startsWith("$")) {
                return false;
            }
        }
        return true;
    }

    private boolean operatorMatches(String operator, Object actual, Object expected) {
        return switch (operator) {
            case "$veq" -> PaddedVersion.of(actual).equals(PaddedVersion.of(expected));
            case "$vne" -> !PaddedVersion.of(actual).equals(PaddedVersion.of(expected));
            case "$vgt" -> PaddedVersion.of(actual).compareTo(PaddedVersion.of(expected)) > 0;
            case "$vgte" -> PaddedVersion.of(actual).compareTo(PaddedVersion.of(expected)) >= 0;
            case "$vlt" -> PaddedVersion.of(actual).compareTo(PaddedVersion.of(expected)) < 0;
            case "$vlte" -> PaddedVersion.of(actual).compareTo(PaddedVersion.of(expected)) <= 0;
            case "$eq" -> JsValues.strictEquals(actual, expected);
            case "$ne" -> !JsValues.strictEquals(actual, expected);
            case "$lt" -> comparison(actual, expected, order -> order < 0);
            case "$lte" -> comparison(actual, expected, order -> order <= 0);
            case "$gt" -> comparison(actual, expected, order -> order > 0);
            case "$gte" -> comparison(actual, expected, order -> order >= 0);
            case "$exists" -> JsValues.isTruthy(expected) == (actual != null);
            case "$in" -> expected instanceof List<?> list && isIn(actual, list, false);
            case "$ini" -> expected instanceof List<?> list && isIn(actual, list, true);
            case "$nin" -> expected instanceof List<?> list && !isIn(actual, list, false);
            case "$nini" -> expected instanceof List<?> list && !isIn(actual, list, true);
            case "$inGroup" -> isIn(actual, savedGroups.getOrDefault(JsValues.toJsString(expected), List.of()), false);
            case "$notInGroup" ->
                    !isIn(actual, savedGroups.getOrDefault(JsValues.toJsString(expected), List.of()), false);
            case "$not" -> !valueMatches(expected, actual, false);
            case "$size" -> actual instanceof List<?> list && valueMatches(expected, list.size(), false);
            case "$elemMatch" -> elementMatches(actual, expected);
            case "$all" -> expected instanceof List<?> list && containsAll(actual, list, false);
            case "$alli" -> expected instanceof List<?> list && containsAll(actual, list, true);
            case "$regex" -> regexFinds(expected, actual, false);
            case "$regexi" -> regexFinds(expected, actual, true);
            case "$type" -> typeOf(actual).equals(expected);
            default -> false;
        };
    }

    private static boolean comparison(Object actual, Object expected, Predicate<Integer> accepts) {
        Integer order = JsValues.compare(actual, expected);
        return order != null && accepts.test(order);
    }

    private static boolean isIn(Object actual, List<?> expected, boolean caseInsensitive) {
        if (actual instanceof List<?> values) {
            for (Object value : values) {
                if (listed(value, expected, caseInsensitive)) {
                    return true;
                }
            }
            return false;
        }
        return listed(actual, expected, caseInsensitive);
    }

    private static boolean listed(Object value, List<?> expected, boolean caseInsensitive) {
        Object folded = caseInsensitive ? caseFold(value) : value;
        for (Object candidate : expected) {
            if (JsValues.sameValueZero(folded, caseInsensitive ? caseFold(candidate) : candidate)) {
                return true;
            }
        }
        return false;
    }

    private static Object caseFold(Object value) {
        return value instanceof String text ? text.toLowerCase(Locale.ROOT) : value;
    }

    private boolean containsAll(Object actual, List<?> expected, boolean caseInsensitive) {
        if (!(actual instanceof List<?> values)) {
            return false;
        }
        for (Object wanted : expected) {
            boolean found = false;
            for (Object value : values) {
                if (valueMatches(wanted, value, caseInsensitive)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private boolean elementMatches(Object actual, Object expected) {
        if (!(actual instanceof List<?> values)) {
            return false;
        }
        boolean operators = isOperatorObject(expected);
        for (Object element : values) {
            // GrowthBook skips falsy elements (0, "", false, null) before testing them
            if (JsValues.isTruthy(element)
                    && (operators ? valueMatches(expected, element, false)
                    : evaluate(element, asCondition(expected)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean regexFinds(Object expected, Object actual, boolean caseInsensitive) {
        String source = JsValues.toJsString(expected);
        Optional<Pattern> pattern = REGEX_CACHE.computeIfAbsent(source + (caseInsensitive ? "/i" : ""),
                key -> compile(source, caseInsensitive));
        return pattern.isPresent() && pattern.get().matcher(JsValues.toJsString(actual)).find();
    }

    private static Optional<Pattern> compile(String source, boolean caseInsensitive) {
        try {
            return Optional.of(caseInsensitive
                    ? Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    : Pattern.compile(source));
        } catch (PatternSyntaxException invalid) {
            return Optional.empty();
        }
    }

    private static String typeOf(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?>) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return "object";
    }
}
