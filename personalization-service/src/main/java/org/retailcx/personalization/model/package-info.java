/**
 * The personalization service's algorithms, in plain Java with no framework code so that any service layer can
 * wrap them: GrowthBook-compatible experiment assignment and targeting ({@code experiment}), experiment
 * statistics ({@code stats}), feature drift with Evidently's defaults ({@code drift}), model monitoring metrics
 * ({@code monitoring}) and point-in-time correct feature retrieval ({@code features}).
 *
 * <p>Distributions come from Hipparchus; everything else is computed here from published definitions.
 */
package org.retailcx.personalization.model;
