package no.samrad.infrastructure.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;

/**
 * A record's version as an HTTP entity tag: {@code "7"} for the record whose last event has
 * sequence number 7.
 */
public final class Versions {

    public static final String IF_MATCH = "If-Match";
    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    private Versions() {
    }

    /**
     * The version an {@code If-Match} header names, or {@code null} when there is none or it is
     * {@code *} (any version).
     */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.trim())) {
            return null;
        }
        Matcher tag = TAG.matcher(ifMatch);
        if (!tag.matches()) {
            throw new DomainException(CommonErrors.INVALID_REQUEST,
                    "If-Match must be one entity tag as given in the record's ETag, such as \"3\".", IF_MATCH);
        }
        return Long.parseLong(tag.group(1));
    }
}
