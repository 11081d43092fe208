package org.retailcx.platform.medallion;

/**
 * A data-quality rule over a bronze row (SQL alias {@code b}). A row that {@code violation} is true for is
 * quarantined instead of reaching silver; bronze keeps it as sent.
 *
 * @param rule a stable name, e.g. {@code stage.known}
 * @param field the record field the rule is about, as the API names it (camelCase)
 * @param violation SQL boolean expression over {@code b}, true when the row breaks the rule
 * @param reason SQL text expression over {@code b} explaining the failure, e.g. {@code 'unknown stage ' || b.stage}
 */
public record DataQualityRule(String rule, String field, String violation, String reason) {
}
