package no.samrad.infrastructure.security;

/** The scopes a token may grant; Samråd maps them to roles one to one. */
public final class Scopes {

    public static final String READ = "samrad:read";
    public static final String WRITE = "samrad:write";
    public static final String AUDIT = "samrad:audit";
    public static final String ADMIN = "samrad:admin";

    private Scopes() {
    }
}
