package org.retailcx.recommendation.model;

/**
 * How much one event of each type counts towards a customer's affinity for a product. A purchase says more than a
 * view; the defaults grade the funnel 1 : 2 : 3 : 5 and can be tuned per training run.
 */
public record InteractionWeights(double view, double click, double addToCart, double purchase) {

    public InteractionWeights {
        for (double w : new double[] {view, click, addToCart, purchase}) {
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("interaction weights must be positive and finite");
            }
        }
    }

    public static InteractionWeights defaults() {
        return new InteractionWeights(1, 2, 3, 5);
    }

    public double of(InteractionType type) {
        return switch (type) {
            case VIEW -> view;
            case CLICK -> click;
            case ADD_TO_CART -> addToCart;
            case PURCHASE -> purchase;
        };
    }
}
