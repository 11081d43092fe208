package org.retailcx.recommendation.model;

/** The implicit signals of {@code retail_collaborative_filtering_data.implicit_rating}, weakest first. */
public enum InteractionType {
    VIEW("viewed"), CLICK("clicked"), ADD_TO_CART("added to your cart"), PURCHASE("bought");

    private final String pastTense;

    InteractionType(String pastTense) {
        this.pastTense = pastTense;
    }

    /** How a reason speaks of it: "because you bought ...". */
    public String pastTense() {
        return pastTense;
    }

    /** Reads the source's spelling ("view", "Add to Cart", "add_to_cart", "purchase"). */
    public static InteractionType parse(String text) {
        String key = text.trim().toUpperCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_');
        return valueOf(key);
    }
}
