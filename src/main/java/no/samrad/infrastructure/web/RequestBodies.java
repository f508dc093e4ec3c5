package no.samrad.infrastructure.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What a request body must be before it is read: JSON ({@code application/json}) in UTF-8, sent
 * as it is (no {@code Content-Encoding} Samråd would have to decode), at most 1 MiB, and
 * well-formed UTF-8 byte for byte. Java's strict decoder refuses what lenient readers repair:
 * overlong forms such as {@code C0 AF}, encoded surrogates and code points above U+10FFFF. A
 * body sent without a length is counted as it is read, so the limit holds for chunked bodies too.
 */
@Provider
public class RequestBodies implements ReaderInterceptor {

    public static final long MAX_BYTES = 1024 * 1024;
    private static final Pattern JSON = Pattern.compile(
            "application/json\\s*(;\\s*charset\\s*=\\s*\"?utf-8\"?\\s*)?", Pattern.CASE_INSENSITIVE);

    @ServerRequestFilter(preMatching = true)
    public void refuseBodiesSamradCannotRead(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > MAX_BYTES) {
            throw tooLarge(length + " bytes");
        }
        boolean hasBody = request.getHeaderString("Transfer-Encoding") != null
                || (length != null && !length.equals("0"));
        if (!hasBody) {
            return;
        }
        String encoding = request.getHeaderString("Content-Encoding");
        if (encoding != null && !encoding.trim().equalsIgnoreCase("identity")) {
            throw new DomainException(CommonErrors.UNSUPPORTED_MEDIA_TYPE, "Samråd does not decode a body sent with"
                    + " Content-Encoding " + encoding.trim().toLowerCase(Locale.ROOT) + "; send it as it is.",
                    "Content-Encoding");
        }
        String type = request.getHeaderString("Content-Type");
        if (type == null || type.isBlank()) {
            throw new DomainException(CommonErrors.UNSUPPORTED_MEDIA_TYPE,
                    "A request body needs Content-Type: application/json.", "Content-Type");
        }
        if (type.toLowerCase(Locale.ROOT).startsWith("application/json") && !JSON.matcher(type.trim()).matches()) {
            throw new DomainException(CommonErrors.UNSUPPORTED_MEDIA_TYPE,
                    "Samråd reads JSON in UTF-8 only: send Content-Type: application/json (charset=utf-8 or none).",
                    "Content-Type");
        }
    }

    private final ObjectMapper requests;
    private final Validator validator;

    RequestBodies(RequestJson requests, Validator validator) {
        this.requests = requests.getContext(Object.class);
        this.validator = validator;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = readAtMost(context.getInputStream(), MAX_BYTES);
        requireUtf8(body);
        context.setInputStream(new ByteArrayInputStream(body));
        try {
            return context.proceed();
        } catch (JsonMappingException refused) {
            throw everyOffendingField(body, context, refused);
        } catch (WebApplicationException refused) {
            if (refused.getCause() instanceof JsonMappingException mapping) {
                throw everyOffendingField(body, context, mapping);
            }
            throw refused;
        }
    }

    /** The first field Jackson refused, and with it every other the body gets wrong. */
    private RuntimeException everyOffendingField(byte[] body, ReaderInterceptorContext context,
                                                 JsonMappingException first) {
        List<Problem.FieldError> errors;
        try {
            errors = JsonFieldErrors.of(requests.readTree(body), context.getGenericType(), requests, validator);
        } catch (IOException notAnObject) {
            errors = List.of();
        }
        return errors.isEmpty() ? new WebApplicationException(first, 400) : new JsonFieldErrors.InvalidFields(errors);
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] body = in.readNBytes((int) limit + 1);
        if (body.length > limit) {
            throw tooLarge("more than " + limit + " bytes");
        }
        return body;
    }

    private static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new DomainException(CommonErrors.MALFORMED_JSON,
                    "The request body is not well-formed UTF-8; nothing of it was read.");
        }
    }

    private static DomainException tooLarge(String size) {
        return new DomainException(CommonErrors.PAYLOAD_TOO_LARGE,
                "The request body is " + size + "; Samråd accepts at most " + MAX_BYTES + ".");
    }
}
