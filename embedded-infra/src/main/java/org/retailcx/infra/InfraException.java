package org.retailcx.infra;

/** Unchecked failure to start, stop or talk to an embedded service; messages are meant for humans. */
public class InfraException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InfraException(String message) {
        super(message);
    }

    public InfraException(String message, Throwable cause) {
        super(message, cause);
    }
}
