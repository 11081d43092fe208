package org.retailcx.sentiment.ingest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A declared language: a BCP 47 tag whose primary subtag is an ISO 639 language ("en", "en-GB", "eng", "fr").
 * Null means "detect it".
 */
@Constraint(validatedBy = LanguageTag.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface LanguageTag {

    String message() default "must be an ISO 639 language code or BCP 47 tag, such as en, en-GB or eng";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<LanguageTag, String> {

        private static final java.util.regex.Pattern SHAPE =
                java.util.regex.Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*");
        private static final Set<String> LANGUAGES = languages();

        private static Set<String> languages() {
            Set<String> codes = new HashSet<>(Arrays.asList(Locale.getISOLanguages()));
            for (String two : Locale.getISOLanguages()) {
                try {
                    codes.add(new Locale(two).getISO3Language());
                } catch (MissingResourceException e) {
                    // a two-letter code without a three-letter form: the two-letter one stands
                }
            }
            return Set.copyOf(codes);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!SHAPE.matcher(value).matches()) {
                return false;
            }
            return LANGUAGES.contains(value.split("[-_]")[0].toLowerCase(Locale.ROOT));
        }
    }
}
