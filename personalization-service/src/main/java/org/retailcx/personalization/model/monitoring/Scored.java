package org.retailcx.personalization.model.monitoring;

final class Scored {

    private Scored() {
    }

    static void requireSameLength(double[] probabilities, boolean[] outcomes) {
        if (probabilities.length != outcomes.length || outcomes.length == 0) {
            throw new IllegalArgumentException("outcomes: need one outcome per prediction and at least one, got "
                    + probabilities.length + " predictions and " + outcomes.length + " outcomes");
        }
    }
}
