package no.samrad.infrastructure.axon.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.arc.All;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.axon.EventLogKeeper;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.axon.ProjectionErrors;
import no.samrad.infrastructure.axon.ProjectionRebuilder;
import no.samrad.infrastructure.axon.ReadModels;
import no.samrad.infrastructure.security.Scopes;
import no.samrad.infrastructure.time.SamradClock;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Maintenance of the read models, for {@code samrad:admin}: their state, and rebuilds from the events. */
@Tag(name = "Read models", description = "Maintenance of the read models (samrad:admin)")
@Path("/api/v1/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.ADMIN)
public class ProjectionAdminResource {

    private final ProjectionCatchUp projections;
    private final ReadModels readModels;
    private final List<EventLogKeeper> logKeepers;
    private final ProjectionRebuilder rebuilder;
    private final SamradClock clock;

    ProjectionAdminResource(ProjectionCatchUp projections, ReadModels readModels,
                            @All List<EventLogKeeper> logKeepers, ProjectionRebuilder rebuilder, SamradClock clock) {
        this.readModels = readModels;
        this.clock = clock;
        this.rebuilder = rebuilder;
        this.logKeepers = logKeepers;
        this.projections = projections;
    }

    /**
     * A read model or a keeper of the published log: how it is kept ({@code INLINE}, in the
     * command's transaction on every instance, or {@code AFTER_COMMIT}, following the log on the
     * one instance that holds it, {@code heldBy}), where it stands against the newest event and,
     * where one has run, its latest rebuild.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProjectionState(String name, String kept, boolean running, boolean replaying, long position,
                                  long head, long lagEvents, long lagSeconds, String heldBy,
                                  ProjectionRebuilder.Progress rebuild) {
    }

    @GET
    public List<ProjectionState> listProjections() {
        long head = projections.headPosition();
        return Stream.concat(readModels.names().stream(), projections.processorNames().stream())
                .sorted(Comparator.naturalOrder())
                .map(name -> state(name, head))
                .toList();
    }

    /**
     * Rebuilds the read model from the first event beside the live one, and swaps it in when it is
     * complete: until then reads of the model answer with its live data, and commands go on
     * writing to it. Answers at once; the list shows the rebuild's progress and an estimate of the
     * time left.
     */
    @POST
    @Path("{name}/rebuild")
    @APIResponse(responseCode = "202", description = "The rebuild has started",
            content = @Content(schema = @Schema(implementation = ProjectionState.class)))
    @APIResponse(responseCode = "409", description = "A rebuild that includes the model runs already (REBUILD_RUNNING)",
            content = @Content(mediaType = "application/problem+json"))
    public Response rebuildProjection(@PathParam("name") String name) {
        requireKnown(name);
        if (logKeepers.stream().anyMatch(keeper -> keeper.processorName().equals(name))) {
            throw new DomainException(ProjectionErrors.LOG_NOT_REBUILDABLE, name + " keeps the published log, whose"
                    + " order and hashes are part of the record; it is never rebuilt.");
        }
        startRebuild(List.of(name));
        return Response.accepted(state(name, projections.headPosition()))
                .location(URI.create("/api/v1/admin/projections"))
                .build();
    }

    /**
     * Rebuilds every read model in one pass over the history, as {@code {name}/rebuild} rebuilds
     * one; the published log is not a read model and is never rebuilt. Answers at once with the
     * read models, each showing the rebuild's progress.
     */
    @POST
    @Path("rebuild")
    @APIResponse(responseCode = "202", description = "The rebuild of every read model has started",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ProjectionState.class)))
    @APIResponse(responseCode = "409", description = "A rebuild that includes the model runs already (REBUILD_RUNNING)",
            content = @Content(mediaType = "application/problem+json"))
    public Response rebuildEveryReadModel() {
        startRebuild(readModels.names());
        long head = projections.headPosition();
        return Response.accepted(readModels.names().stream().map(name -> state(name, head)).toList())
                .location(URI.create("/api/v1/admin/projections"))
                .build();
    }

    private void startRebuild(Collection<String> models) {
        if (!rebuilder.start(models)) {
            throw new DomainException(ProjectionErrors.REBUILD_RUNNING, "A rebuild of " + String.join(", ", models)
                    + " is running, here or on another instance; see its progress in the list of read models.");
        }
    }

    private ProjectionState state(String name, long head) {
        if (readModels.isReadModel(name)) {
            return new ProjectionState(name, "INLINE", true, false, head, head, 0, 0, null,
                    rebuilder.progress(name).orElse(null));
        }
        StreamingEventProcessor processor = projections.processor(name);
        long position = projections.position(name).orElse(-1);
        long lagSeconds = position >= head ? 0 : projections.recordedAfter(position)
                .map(recorded -> Math.max(0, Duration.between(recorded, clock.now()).toSeconds())).orElse(0L);
        return new ProjectionState(name, "AFTER_COMMIT", processor.isRunning(), processor.isReplaying(), position,
                head, Math.max(0, head - position), lagSeconds, projections.holders().get(name),
                rebuilder.progress(name).orElse(null));
    }

    private void requireKnown(String name) {
        if (!readModels.isReadModel(name) && !projections.processorNames().contains(name)) {
            throw new DomainException(CommonErrors.NOT_FOUND, "There is no read model called " + name + ".");
        }
    }
}
