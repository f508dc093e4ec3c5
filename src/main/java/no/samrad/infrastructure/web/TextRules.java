package no.samrad.infrastructure.web;

import java.util.Optional;

/**
 * What a text sent to Samråd may contain. A single-line text (a title, a name) holds no control
 * or format character at all: no C0 or C1 control, no bidirectional override or isolate, no
 * zero-width character, no line or paragraph separator, no lone surrogate. A free text (a reason,
 * a summary) may also hold line breaks, written as CR and LF. Neither may be blank: a text that is
 * empty once spaces of every kind (the no-break space included) and such characters are taken out
 * says nothing.
 */
final class TextRules {

    private TextRules() {
    }

    /** Why {@code text} is refused, or empty if it is acceptable. */
    public static Optional<String> refusal(String text, boolean freeText) {
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (freeText && (codePoint == '\n' || codePoint == '\r')) {
                continue;
            }
            if (forbidden(codePoint)) {
                return Optional.of("must not contain " + (freeText ? "control or format characters other than line"
                        + " breaks" : "control or format characters") + String.format(" (it contains U+%04X)",
                        codePoint));
            }
            visible |= !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint);
        }
        return visible ? Optional.empty() : Optional.of("must not be blank");
    }

    private static boolean forbidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}
