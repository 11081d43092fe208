package org.retailcx.platform.problem;

/** Problem type URIs. URNs: stable identifiers that clients switch on, with nothing to dereference. */
public final class ProblemTypes {
    public static final String VALIDATION = "urn:retailcx:problem:validation";
    public static final String MALFORMED_JSON = "urn:retailcx:problem:malformed-json";
    public static final String NOT_FOUND = "urn:retailcx:problem:not-found";
    public static final String UNAUTHENTICATED = "urn:retailcx:problem:unauthenticated";
    public static final String FORBIDDEN = "urn:retailcx:problem:forbidden";
    public static final String IDEMPOTENCY_KEY_REUSED = "urn:retailcx:problem:idempotency-key-reused";
    public static final String BATCH_TOO_LARGE = "urn:retailcx:problem:batch-too-large";
    public static final String HEADERS_TOO_LARGE = "urn:retailcx:problem:headers-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "urn:retailcx:problem:unsupported-media-type";
    public static final String INTERNAL = "urn:retailcx:problem:internal";
    public static final String HTTP = "about:blank";

    private ProblemTypes() {
    }
}
