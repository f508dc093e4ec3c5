package breach.samrad.dashboard;

/** A dashboard's summary, which a capability should never import. */
public record Summary(int records) {
}
