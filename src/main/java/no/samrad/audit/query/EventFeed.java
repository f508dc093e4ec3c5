package no.samrad.audit.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import no.samrad.audit.chain.ChainLink;
import no.samrad.audit.chain.ChainStore;
import no.samrad.audit.chain.StoredEvent;
import no.samrad.audit.query.FeedEvent;
import no.samrad.infrastructure.axon.EventMetadata;

/** Reads the published log: the chain joined with the stored events. */
@ApplicationScoped
public class EventFeed {

    private final ChainStore chain;
    private final ObjectReader json;

    EventFeed(ChainStore chain, ObjectMapper mapper) {
        this.chain = chain;
        // Amounts stay exact decimals, written as stored.
        this.json = mapper.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)).reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public long head() {
        return chain.head().map(ChainLink::position).orElse(0L);
    }

    /** Up to {@code limit} events after {@code position}; with their canonical form when {@code canonical}. */
    public List<FeedEvent> after(long position, int limit, boolean canonical) {
        return chain.after(position, limit).stream().map(entry -> toFeedEvent(entry, canonical)).toList();
    }

    private FeedEvent toFeedEvent(ChainStore.Entry entry, boolean canonical) {
        ChainLink link = entry.link();
        StoredEvent event = entry.event().orElse(null);
        if (event == null) {
            return new FeedEvent(link.position(), link.eventId(), null, null, -1, null, null, null, null, null, null,
                    null, null, null, link.previousHash(), link.hash(), null);
        }
        JsonNode metadata = read(event.metadata());
        String type = event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
        return new FeedEvent(link.position(), link.eventId(), event.recordType(), event.recordId(), event.sequence(),
                type, event.revision(), Instant.parse(event.recordedAt()), entry.effectiveOn(),
                text(metadata, EventMetadata.SUB), text(metadata, EventMetadata.PARTY),
                text(metadata, EventMetadata.CORRELATION_ID), read(event.payload()), metadata, link.previousHash(),
                link.hash(), canonical ? Base64.getEncoder().encodeToString(
                        event.canonical(link.position(), link.previousHash())) : null);
    }

    private JsonNode read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            // A stored event that is no longer JSON has been tampered with; show what is there.
            return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static String text(JsonNode metadata, String key) {
        return metadata == null || !metadata.hasNonNull(key) ? null : metadata.get(key).asText();
    }
}
