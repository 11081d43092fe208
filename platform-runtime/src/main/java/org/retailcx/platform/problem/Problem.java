package org.retailcx.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem details body ({@code application/problem+json}); {@code errors} names offending fields. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field, as a path into the request ({@code amount}, {@code [3].stage}, {@code Idempotency-Key}). */
    @RegisterForReflection
    public record FieldError(String field, String message) {
    }
}
