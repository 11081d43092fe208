package org.retailcx.clv.model;

/** A model could not be fitted; the message says why, {@link #reason()} says what kind of failure it is. */
public final class ModelFitException extends RuntimeException {

    /** What went wrong, so that a caller can tell bad input from a numerical failure. */
    public enum Reason {
        /** Too few customers, or too few repeat customers, to identify the parameters. */
        INSUFFICIENT_DATA,
        /** The data cannot come from the model (for example a non-positive mean spend). */
        INVALID_DATA,
        /** The optimiser did not reach a stationary point inside the parameter bounds. */
        NON_CONVERGENCE
    }

    private final Reason reason;

    public ModelFitException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ModelFitException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
