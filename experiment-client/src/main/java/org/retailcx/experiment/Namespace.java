package org.retailcx.experiment;

/**
 * A slice [start, end) of a named namespace: experiments in the same namespace with disjoint slices never share a
 * customer.
 */
public record Namespace(String id, double start, double end) {
}
