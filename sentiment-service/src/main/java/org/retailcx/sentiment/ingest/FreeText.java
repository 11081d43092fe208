package org.retailcx.sentiment.ingest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.retailcx.sentiment.model.analysis.SentimentAnalyzer;

/**
 * A customer text: not blank, at most {@link SentimentAnalyzer#MAX_TEXT_CHARS} characters, and text rather than
 * binary — no control characters other than tab and line breaks, and no U+FFFD (what a decoder leaves of bytes
 * that are not UTF-8). Each part reports its own message under the field's name.
 */
@NotBlank
@Size(max = SentimentAnalyzer.MAX_TEXT_CHARS)
@Pattern(regexp = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFD]*",
        message = "must be text: no control characters and no undecodable bytes (U+FFFD)")
@Constraint(validatedBy = {})
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface FreeText {

    String message() default "must be text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
