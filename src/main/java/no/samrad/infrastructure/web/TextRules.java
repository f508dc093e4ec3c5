package no.samrad.infrastructure.web;

/** Bean Validation patterns for the texts of request bodies. */
public final class TextRules {

    /** A title or a name: no control characters at all. */
    public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
    /** A reason or a summary: line breaks and tabs, but no other control characters. */
    public static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    public static final String NO_CONTROL_CHARACTERS = "must not contain control characters";

    private TextRules() {
    }
}
