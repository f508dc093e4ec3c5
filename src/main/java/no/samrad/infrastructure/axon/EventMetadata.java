package no.samrad.infrastructure.axon;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;

/**
 * Keys of the metadata that every command carries and passes on to the events it causes: who
 * acted, for which party and organisation, and under which correlation id.
 */
public final class EventMetadata {

    /** The token's subject, or for Samråd's own commands the name of the job that sent them. */
    public static final String SUB = "sub";
    /** The party the caller acts for. Absent on Samråd's own commands. */
    public static final String PARTY = "party";
    /** The calling organisation's number, as Maskinporten gives it. */
    public static final String CONSUMER_ORGNO = "consumer_orgno";
    public static final String CORRELATION_ID = "correlationId";
    /** Set on commands Samråd sends itself (expiry, demo import), which no party's rights limit. */
    public static final String SYSTEM = "system";
    /** Where a system command's content came from, such as the demo data file. */
    public static final String SOURCE = "source";
    /** The HTTP request that sent the command: the key of the receipt its answer carries. */
    public static final String REQUEST_ID = "requestId";

    static final String[] PROPAGATED = {SUB, PARTY, CONSUMER_ORGNO, CORRELATION_ID, SYSTEM, SOURCE, REQUEST_ID};

    private EventMetadata() {
    }

    /** Metadata for a command Samråd sends on its own account. */
    public static MetaData system(String job, String correlationId) {
        Map<String, Object> values = new HashMap<>();
        values.put(SUB, "samrad:" + job);
        values.put(SYSTEM, Boolean.TRUE);
        values.put(CORRELATION_ID, correlationId == null ? UUID.randomUUID().toString() : correlationId);
        return MetaData.from(values);
    }
}
