package no.samrad.infrastructure.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.api.ErrorCode;
import no.samrad.infrastructure.security.Caller;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP answers: every refusal is an {@code
 * application/problem+json} document with a stable code, and no SQL, class name or stack trace
 * ever reaches the client. Anything unforeseen is logged and answered as a 500, which is a bug.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** How Jackson's strict duplicate detection names the key. */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate field '(.*)'");

    private final Caller caller;
    private final ProducedMediaTypes produced;

    public ProblemMapper(Caller caller, ProducedMediaTypes produced) {
        this.caller = caller;
        this.produced = produced;
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problem(CommonErrors.UNAUTHENTICATED,
                        "A valid bearer token is required: signed by the trusted issuer, for this audience, unexpired.",
                        uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(CommonErrors.FORBIDDEN, "The token does not grant the scope this request needs.", uri,
                List.of());
    }

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.field() == null
                ? List.of()
                : List.of(new Problem.FieldError(e.field(), e.getMessage()));
        return problem(e.code(), e.getMessage(), uri, errors);
    }

    @ServerExceptionMapper
    public Response commandFailed(CommandExecutionException e, UriInfo uri) {
        if (e.getCause() instanceof DomainException domain) {
            return domain(domain, uri);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response aggregateNotFound(AggregateNotFoundException e, UriInfo uri) {
        return problem(CommonErrors.NOT_FOUND, "No record with id " + e.getAggregateIdentifier() + ".", uri,
                List.of());
    }

    @ServerExceptionMapper
    public Response streamExists(AggregateStreamCreationException e, UriInfo uri) {
        return problem(CommonErrors.RECORD_EXISTS, "A record with this id already exists.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response staleVersion(ConflictingAggregateVersionException e, UriInfo uri) {
        return problem(CommonErrors.VERSION_MISMATCH, "The record has changed since version " + e.getExpectedVersion()
                + "; it is now at version " + e.getActualVersion() + ". Read it again and decide anew.", uri,
                List.of());
    }

    @ServerExceptionMapper({ConcurrencyException.class, ConflictingModificationException.class})
    public Response concurrent(RuntimeException e, UriInfo uri) {
        return problem(CommonErrors.CONCURRENT_MODIFICATION,
                "The record was changed by another request at the same time. Read it again and retry.", uri,
                List.of());
    }

    @ServerExceptionMapper({EventStoreException.class, AxonTransientException.class,
            jakarta.persistence.PersistenceException.class, java.sql.SQLException.class})
    public Response unavailable(Exception e, UriInfo uri) {
        LOG.errorf(e, "Storage failure answering %s", uri.getPath());
        return problem(CommonErrors.SERVICE_UNAVAILABLE, "The record store is unavailable. Retry later.", uri,
                List.of());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(CommonErrors.INVALID_REQUEST, "The request has invalid fields.", uri, errors);
    }

    @ServerExceptionMapper
    public Response invalidFields(JsonFieldErrors.InvalidFields e, UriInfo uri) {
        return problem(CommonErrors.INVALID_REQUEST, "The request has invalid fields.", uri, e.errors());
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return problem(CommonErrors.INVALID_REQUEST, "The request has a field Samråd does not know.", uri,
                List.of(new Problem.FieldError(JsonFieldErrors.pathOf(e), "is not a known field")));
    }

    @ServerExceptionMapper
    public Response refusedValue(ValueInstantiationException e, UriInfo uri) {
        return problem(CommonErrors.INVALID_REQUEST, "The request has invalid fields.", uri,
                List.of(new Problem.FieldError(JsonFieldErrors.pathOf(e), JsonFieldErrors.reason(e))));
    }

    @ServerExceptionMapper
    public Response badValue(MismatchedInputException e, UriInfo uri) {
        String field = JsonFieldErrors.pathOf(e);
        if (field.isEmpty()) {
            return problem(CommonErrors.MALFORMED_JSON, "The request body is not the JSON object expected.", uri,
                    List.of());
        }
        return problem(CommonErrors.INVALID_REQUEST, "The request has invalid fields.", uri,
                List.of(new Problem.FieldError(field, JsonFieldErrors.expectation(e))));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        Matcher duplicate = DUPLICATE_KEY.matcher(e.getOriginalMessage());
        if (duplicate.find()) {
            return problem(CommonErrors.MALFORMED_JSON, "The request body gives a key more than once.", uri,
                    List.of(new Problem.FieldError(duplicate.group(1), "is given more than once")));
        }
        return problem(CommonErrors.MALFORMED_JSON, "The request body is not well-formed JSON.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, Request request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            if (json instanceof ValueInstantiationException refused) {
                return refusedValue(refused, uri);
            }
            return json instanceof MismatchedInputException mismatch ? badValue(mismatch, uri) : malformed(json, uri);
        }
        if (e instanceof NotFoundException) {
            return problem(CommonErrors.NOT_FOUND, "Nothing is found at this address.", uri, List.of());
        }
        if (e instanceof NotAllowedException) {
            return problem(CommonErrors.METHOD_NOT_ALLOWED, "This method is not offered here.", uri, List.of());
        }
        if (e instanceof NotSupportedException) {
            return problem(CommonErrors.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.",
                    uri, List.of());
        }
        if (e instanceof NotAcceptableException) {
            return problem(CommonErrors.NOT_ACCEPTABLE, notAcceptable(request.getMethod(), uri), uri, List.of());
        }
        if (e.getResponse().getStatus() < 500) {
            return problem(CommonErrors.INVALID_REQUEST, "The request was refused.", uri, List.of(),
                    e.getResponse().getStatus(), e.getResponse().getStatusInfo().getReasonPhrase());
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure answering %s", uri.getPath());
        return problem(CommonErrors.INTERNAL_ERROR, "Samråd failed to answer this request. It has been logged.",
                uri, List.of());
    }

    /** Names what the address does serve, so that the client knows what to ask for instead. */
    private String notAcceptable(String method, UriInfo uri) {
        // Raw, so that an encoded slash in a path parameter stays within its segment.
        String path = uri.getRequestUri().getRawPath();
        String base = uri.getBaseUri().getRawPath();
        List<String> types = produced.at(method, path.startsWith(base) ? path.substring(base.length()) : path);
        if (types.isEmpty()) {
            return "Samråd answers this request with no media type the request accepts.";
        }
        String last = types.get(types.size() - 1);
        String named = types.size() == 1 ? last
                : String.join(", ", types.subList(0, types.size() - 1)) + " or " + last;
        return "Samråd answers this request with " + named + ".";
    }

    private Response problem(ErrorCode code, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return problem(code, detail, uri, errors, code.kind().status(), code.kind().title());
    }

    private Response problem(ErrorCode code, String detail, UriInfo uri, List<Problem.FieldError> errors,
                             int status, String title) {
        Problem body = new Problem(code.typeUri(), title, status,
                code.name(), detail, uri.getRequestUri().getRawPath(), correlationId(), errors);
        Response.ResponseBuilder answer = Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
        if (code.kind().retryAfterSeconds() > 0) {
            answer.header("Retry-After", code.kind().retryAfterSeconds());
        }
        return answer.build();
    }

    private String correlationId() {
        try {
            return caller == null ? null : caller.correlationId();
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String property = null;
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName() == null ? "" : node.getName();
                String index = node.getIndex() == null ? "" : "[" + node.getIndex() + "]";
                property = property == null ? name + index : property + (name.isEmpty() ? "" : ".") + name + index;
            }
        }
        if (property != null) {
            return property;
        }
        return parameter == null ? "" : parameter;
    }
}
