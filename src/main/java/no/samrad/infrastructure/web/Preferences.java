package no.samrad.infrastructure.web;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code Prefer} request header (RFC 7240): what a client prefers the answer to do. */
public final class Preferences {

    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?(\\d{1,9})\"?(?:$|[,;\\s])");

    private Preferences() {
    }

    /** The seconds the client prefers to wait ({@code wait=N}), capped at {@code longest}; empty when it does not ask. */
    public static Optional<Integer> waitSeconds(String prefer, int longest) {
        if (prefer == null) {
            return Optional.empty();
        }
        Matcher wait = WAIT.matcher(prefer.toLowerCase(Locale.ROOT));
        return wait.find() ? Optional.of(Math.min(longest, Integer.parseInt(wait.group(1)))) : Optional.empty();
    }
}
