package no.samrad.infrastructure.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * JSON is read as written, without Jackson's leniencies. A number is not a string, a boolean is
 * not a number, an enum is not its index, a date is exactly {@code yyyy-MM-dd} (not a timestamp,
 * not padded with spaces, not a day count), and nothing may follow the document. A client that
 * sends the wrong type hears so instead of having its value reinterpreted, and a key given twice
 * is refused rather than one of its values kept.
 */
@Singleton
class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that its date deserializer is not replaced by the JavaTimeModule registered before it. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("samrad-strict-values")
                .addDeserializer(LocalDate.class, new IsoDateDeserializer())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                                      BeanDescription description,
                                                                      JsonDeserializer<?> deserializer) {
                        return new ExactEnumDeserializer(type.getRawClass(), deserializer);
                    }
                }));
    }

    /** Accepts an enum constant only by its exact name: Jackson would trim spaces and control characters. */
    static final class ExactEnumDeserializer extends StdScalarDeserializer<Object> {

        private final transient JsonDeserializer<?> delegate;
        private final Set<String> names;

        ExactEnumDeserializer(Class<?> type, JsonDeserializer<?> delegate) {
            super(type);
            this.delegate = delegate;
            this.names = Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.toSet());
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING && !names.contains(parser.getText())) {
                return context.handleWeirdStringValue(handledType(), parser.getText(), "not one of " + names);
            }
            return delegate.deserialize(parser, context);
        }
    }

    /** Reads only {@code yyyy-MM-dd}, with a real calendar day. */
    static final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {

        private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
        private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
                .withResolverStyle(ResolverStyle.STRICT);

        IsoDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            if (SHAPE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text, STRICT);
                } catch (DateTimeParseException e) {
                    // falls through to the refusal below: the shape is right, the day does not exist
                }
            }
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a date yyyy-MM-dd");
        }
    }
}
