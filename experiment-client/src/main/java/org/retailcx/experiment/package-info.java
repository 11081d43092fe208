/**
 * Deterministic experiment assignment compatible with GrowthBook SDKs (spec 0.8.0): FNV-1a hashing (versions 1
 * and 2), bucket ranges from weights and coverage, namespaces, hash filters, forced variations and targeting
 * conditions in GrowthBook's MongoDB-like syntax. A customer gets the same variation here as in any GrowthBook
 * SDK given the same experiment definition and attributes, so experiments can move between the suite and
 * GrowthBook front ends without re-bucketing anyone.
 *
 * <p>Attribute and condition values are JSON-shaped plain Java values: {@code Map<String, Object>},
 * {@code List<Object>}, {@code String}, {@code Number}, {@code Boolean} and {@code null}. Where GrowthBook's
 * behaviour follows from JavaScript's loose typing (string/number coercion, truthiness), {@link JsValues}
 * reproduces it.
 *
 * <p>{@link ExperimentClient} is the client library: other services (recommendation, journey) keep the published
 * experiment definitions in memory (the payload of the "experiment published/changed" event, read by
 * {@link ExperimentDefinitions}) and assign customers locally, without a network call.
 */
package org.retailcx.experiment;
