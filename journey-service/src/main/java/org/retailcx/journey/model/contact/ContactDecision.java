package org.retailcx.journey.model.contact;

import java.time.Instant;

/**
 * Whether a message may go now; if not, the earliest instant it may ({@code null}: never, e.g. opted out) and
 * the rules that pushed it there.
 */
public record ContactDecision(boolean allowedNow, Instant earliest, String reason) {
}
