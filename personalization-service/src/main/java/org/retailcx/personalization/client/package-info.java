/**
 * The experiment client library: other services (recommendation, journey) keep the published experiment
 * definitions in memory and assign customers locally, without a network call, exactly as the personalization
 * service and any GrowthBook SDK would. Plain Java; definitions arrive as JSON-shaped maps (the payload of the
 * "experiment published/changed" event), in GrowthBook's experiment format.
 */
package org.retailcx.personalization.client;
