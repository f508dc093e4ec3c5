package no.samrad.audit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.samrad.audit.query.EventFeed;
import no.samrad.audit.query.FeedEvent;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.security.Scopes;
import no.samrad.infrastructure.web.QueryParams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The published log as Server-Sent Events: every event appended after the client's position, as
 * it is chained. Each event's SSE id is its position, so a client that reconnects with
 * {@code Last-Event-ID} continues exactly where it stopped.
 */
@Tag(name = "Audit")
@Path("/api/v1/events/stream")
public class EventStreamResource {

    private static final Logger LOG = Logger.getLogger(EventStreamResource.class);
    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final int BATCH = 100;
    /** How long a browser's EventSource waits before it reconnects. */
    private static final long RECONNECT_MILLIS = 2000;

    private final EventFeed feed;
    private final ObjectWriter json;
    private final Duration poll;
    private final Duration heartbeat;

    EventStreamResource(EventFeed feed, ObjectMapper mapper,
                        @ConfigProperty(name = "samrad.events.stream.poll-interval") Duration poll,
                        @ConfigProperty(name = "samrad.events.stream.heartbeat") Duration heartbeat) {
        this.feed = feed;
        this.json = mapper.writer();
        this.poll = poll;
        this.heartbeat = heartbeat;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @APIResponse(responseCode = "200", description = "An endless text/event-stream: one event per appended event"
            + " (id: its position; data: the event as the feed shows it), and a comment as heartbeat",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    public Multi<OutboundSseEvent> streamEvents(
            @HeaderParam(LAST_EVENT_ID) @Parameter(description = "The last position already seen: the stream starts"
                    + " after it. Absent, it starts at the head and sends only events appended from now on")
            String lastEventId,
            @Context Sse sse) {
        long from = lastEventId == null || lastEventId.isBlank() ? -1 : position(lastEventId);
        return Multi.createFrom().deferred(() -> {
            Tail tail = new Tail(from < 0 ? feed.head() : from, sse);
            return Multi.createFrom().ticks().every(poll).onOverflow().drop()
                    .onItem().transformToIterable(tick -> tail.next())
                    .onFailure().invoke(failure -> LOG.error("The live event stream failed", failure));
        });
    }

    /** One client's place in the log, and when it last heard from the stream. */
    private final class Tail {

        private final Sse sse;
        private long position;
        private long quietSince;
        private boolean greeted;

        Tail(long position, Sse sse) {
            this.position = position;
            this.sse = sse;
        }

        List<OutboundSseEvent> next() {
            List<OutboundSseEvent> out = new ArrayList<>();
            if (!greeted) {
                // Sent at once, so that the client sees the stream open and learns when to reconnect.
                out.add(sse.newEventBuilder().comment("samrad events after " + position)
                        .reconnectDelay(RECONNECT_MILLIS).build());
                greeted = true;
            }
            for (FeedEvent event : feed.after(position, BATCH, false)) {
                out.add(sse.newEventBuilder().id(Long.toString(event.position())).name("event")
                        .data(String.class, write(event)).build());
                position = event.position();
            }
            long now = System.nanoTime();
            if (out.isEmpty() && now - quietSince >= heartbeat.toNanos()) {
                out.add(sse.newEventBuilder().comment("heartbeat").build());
            }
            if (!out.isEmpty()) {
                quietSince = now;
            }
            return out;
        }
    }

    private String write(FeedEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long position(String lastEventId) {
        return QueryParams.position(lastEventId).orElseThrow(() -> new DomainException(CommonErrors.INVALID_REQUEST,
                "Header " + LAST_EVENT_ID + " must be a position: a whole number, 0 or more.", LAST_EVENT_ID));
    }
}
