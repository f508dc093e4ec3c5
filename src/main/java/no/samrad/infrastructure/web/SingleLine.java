package no.samrad.infrastructure.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A title or a name: one line of visible text, as {@link TextRules} has it; {@code null} is left
 * to {@code @NotNull}.
 */
@Constraint(validatedBy = TextValidator.SingleLineValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default "must be one line of visible text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
