package no.samrad.infrastructure.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import java.util.Optional;

/** Bean Validation of {@link SingleLine} and {@link FreeText}: the violation says what is wrong. */
abstract class TextValidator<A extends Annotation> implements ConstraintValidator<A, String> {

    private final boolean freeText;

    TextValidator(boolean freeText) {
        this.freeText = freeText;
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        if (text == null) {
            return true;
        }
        Optional<String> refusal = TextRules.refusal(text, freeText);
        refusal.ifPresent(reason -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(reason).addConstraintViolation();
        });
        return refusal.isEmpty();
    }

    public static final class SingleLineValidator extends TextValidator<SingleLine> {
        public SingleLineValidator() {
            super(false);
        }
    }

    public static final class FreeTextValidator extends TextValidator<FreeText> {
        public FreeTextValidator() {
            super(true);
        }
    }
}
