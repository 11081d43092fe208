package org.retailcx.journey.model.contact;

import java.time.ZoneId;
import java.util.Set;

/**
 * One customer's side of contact rules: the time zone their clock runs in, quiet hours they chose (replacing the
 * channels' own when set) and the channels they opted out of.
 */
public record CustomerContactPreferences(ZoneId zone, QuietHours quietHours, Set<String> optedOutChannels) {

    public CustomerContactPreferences {
        optedOutChannels = Set.copyOf(optedOutChannels);
    }
}
