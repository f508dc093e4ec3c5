package no.samrad.infrastructure.api;

import java.util.Locale;

/**
 * A stable error code. Clients switch on {@link #name()} (in problem details as {@code code}) and
 * on the {@code type} URI derived from it, so neither may change once published.
 */
public interface ErrorCode {

    String name();

    ErrorKind kind();

    default String typeUri() {
        return "urn:samrad:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
