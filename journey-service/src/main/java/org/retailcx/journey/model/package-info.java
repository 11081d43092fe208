/**
 * Journey algorithms in plain Java, free of Quarkus, JAX-RS and Vert.x so that they can be tested and benchmarked
 * on their own: multi-touch attribution ({@code attribution}), versioned journey definitions with their validator
 * and state machine ({@code definition}), CEL conditions ({@code condition}), and frequency caps, quiet hours and
 * abandonment ({@code contact}).
 */
package org.retailcx.journey.model;
