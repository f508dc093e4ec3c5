package no.samrad.infrastructure.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;

/**
 * The JSON of request bodies: Samråd's one mapper ({@link StrictJson}) with one rule more, for
 * what clients send only. Every text is well-formed Unicode and is kept in normalisation form C,
 * so that a title typed with a composed å and one typed with a decomposed å are the same title;
 * and every date falls in the years the record can hold ({@link QueryParams#FIRST_YEAR} to
 * {@link QueryParams#LAST_YEAR}).
 * Stored events are read with the mapper as it is: what was once recorded is never re-read
 * differently.
 */
@Provider
public class RequestJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper requests;

    RequestJson(ObjectMapper mapper) {
        this.requests = mapper.copy().registerModule(new SimpleModule("samrad-request-text")
                .addDeserializer(String.class, new WellFormedTextDeserializer())
                .addDeserializer(LocalDate.class, new DateInRangeDeserializer()));
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return requests;
    }

    /** Refuses a string with a lone surrogate (such as a JSON escape of U+D800 alone) and keeps the rest in NFC. */
    static final class WellFormedTextDeserializer extends StdScalarDeserializer<String> {

        WellFormedTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text == null) {
                return null;
            }
            for (int i = 0; i < text.length(); i++) {
                char unit = text.charAt(i);
                boolean paired = Character.isHighSurrogate(unit) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (paired) {
                    i++;
                } else if (Character.isSurrogate(unit)) {
                    return (String) context.handleWeirdStringValue(String.class, text,
                            "is not well-formed Unicode (a lone surrogate)");
                }
            }
            return Normalizer.normalize(text, Normalizer.Form.NFC);
        }
    }

    /** A date as {@link StrictJson} reads it, in the years the record can hold. */
    static final class DateInRangeDeserializer extends StdScalarDeserializer<LocalDate> {

        private final StrictJson.IsoDateDeserializer iso = new StrictJson.IsoDateDeserializer();

        DateInRangeDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate date = iso.deserialize(parser, context);
            if (date != null && date.getYear() < QueryParams.FIRST_YEAR) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, date.toString(),
                        "not a date from " + QueryParams.FIRST_YEAR + " to " + QueryParams.LAST_YEAR);
            }
            return date;
        }
    }
}
