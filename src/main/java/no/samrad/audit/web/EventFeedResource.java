package no.samrad.audit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import no.samrad.audit.query.EventFeed;
import no.samrad.audit.query.FeedEvent;
import no.samrad.audit.query.FeedPage;
import no.samrad.infrastructure.security.Scopes;
import no.samrad.infrastructure.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The published log: every event once, at a dense position, with its hash. A reader that asks
 * for the events after the last position it has seen gets each event exactly once and in order.
 */
@Tag(name = "Audit", description = "The published log, its export, and its integrity")
@Path("/api/v1/events")
public class EventFeedResource {

    static final String NDJSON = "application/x-ndjson";
    private static final int MAX_PAGE = 1000;
    private static final int EXPORT_PAGE = 1000;

    enum ExportFormat { NATIVE, CLOUDEVENTS }

    private final EventFeed feed;
    private final ObjectWriter lines;

    EventFeedResource(EventFeed feed, ObjectMapper json) {
        this.feed = feed;
        this.lines = json.writer();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public FeedPage listEvents(
            @QueryParam("after") @Parameter(description = "The last position already seen; 0 (the default) for"
                    + " the start") String after,
            @QueryParam("limit") @Parameter(description = "At most this many events, 1 to 1000 (100 by default)")
            String limit, @Context UriInfo uri) {
        long from = after == null || after.isBlank() ? 0 : position(after);
        Integer size = QueryParams.integer(limit, "limit", 1, MAX_PAGE);
        List<FeedEvent> items = feed.after(from, size == null ? 100 : size, false);
        long last = items.isEmpty() ? from : items.get(items.size() - 1).position();
        String next = uri.getRequestUriBuilder().replaceQueryParam("after", last).build().toString();
        return new FeedPage(items, Math.max(feed.head(), last), next);
    }

    /**
     * Every event of the log, up to the head when the export starts, one JSON object per line.
     * Each line carries {@code canonical}, the form its hash covers. {@code format=cloudevents}
     * writes each event as a CloudEvents 1.0 JSON object instead.
     */
    @GET
    @Path("export")
    @Produces(NDJSON)
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @APIResponse(responseCode = "200", description = "NDJSON, one event per line, in position order",
            content = @Content(mediaType = NDJSON))
    public Response exportEvents(@QueryParam("format") @Parameter(description = "native (the default) or"
            + " cloudevents") String format) {
        ExportFormat chosen = QueryParams.named(format, ExportFormat.class, "format");
        boolean cloudEvents = chosen == ExportFormat.CLOUDEVENTS;
        long head = feed.head();
        StreamingOutput body = out -> write(out, head, cloudEvents);
        return Response.ok(body, NDJSON + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"samrad-events-" + head + ".ndjson\"")
                .build();
    }

    private void write(OutputStream out, long head, boolean cloudEvents) throws java.io.IOException {
        long position = 0;
        while (position < head) {
            List<FeedEvent> page = feed.after(position, (int) Math.min(EXPORT_PAGE, head - position), true);
            if (page.isEmpty()) {
                break;
            }
            for (FeedEvent event : page) {
                out.write(lines.writeValueAsBytes(cloudEvents ? cloudEvent(event) : event));
                out.write('\n');
                position = event.position();
            }
            out.flush();
        }
    }

    /** The event as a CloudEvents 1.0 structured-mode object, with Samråd's chain as extensions. */
    private static ObjectNode cloudEvent(FeedEvent event) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("specversion", "1.0");
        node.put("id", event.eventId());
        node.put("source", "urn:samrad:" + (event.recordKind() == null ? "missing"
                : event.recordKind().toLowerCase(Locale.ROOT) + ":" + event.recordId()));
        node.put("type", "no.samrad." + (event.type() == null ? "Missing" : event.type()));
        putIfPresent(node, "time", event.recordedAt());
        putIfPresent(node, "subject", event.recordId());
        node.put("datacontenttype", MediaType.APPLICATION_JSON);
        node.put("samradposition", event.position());
        putIfPresent(node, "samradsequence", event.sequence() < 0 ? null : event.sequence());
        putIfPresent(node, "samradrevision", event.revision());
        putIfPresent(node, "samradeffectiveon", event.effectiveOn());
        putIfPresent(node, "samradactor", event.actor());
        putIfPresent(node, "samradparty", event.party());
        putIfPresent(node, "samradcorrelationid", event.correlationId());
        node.put("samradprevioushash", event.previousHash());
        node.put("samradhash", event.hash());
        putIfPresent(node, "samradcanonical", event.canonical());
        if (event.payload() != null) {
            node.set("data", event.payload());
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String name, Object value) {
        if (value instanceof Long number) {
            node.put(name, number);
        } else if (value != null) {
            node.put(name, value.toString());
        }
    }

    private static long position(String after) {
        return QueryParams.position(after).orElseThrow(() ->
                QueryParams.invalid("after", "must be a position: a whole number, 0 or more"));
    }
}
