package org.retailcx.platform.problem;

import java.util.List;

import org.retailcx.platform.problem.Problem.FieldError;

/** Thrown by services to answer with a specific problem; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final transient List<FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400: the request is malformed or a field is invalid. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.stream().limit(5).map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request")
                + (errors.size() > 5 ? "; and " + (errors.size() - 5) + " more" : "");
        return new ProblemException(400, ProblemTypes.VALIDATION, "Invalid request", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** 403 for a field whose value the caller may not write (another rep's book, for a rep). */
    public static ProblemException forbidden(List<FieldError> errors) {
        String detail = errors.stream().limit(5).map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("not allowed");
        return new ProblemException(403, ProblemTypes.FORBIDDEN, "Forbidden", detail, errors);
    }

    public static ProblemException forbidden(String field, String message) {
        return forbidden(List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail, List.of());
    }

    public static ProblemException unprocessable(String type, String title, String detail) {
        return new ProblemException(422, type, title, detail, List.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
