package no.samrad.infrastructure.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every offending field of a request body, not only the first: Jackson stops at the first value
 * it cannot read, so a body it refuses is read again field by field. Each field is read on its own
 * into its declared type; the fields that read are then put together and validated as the
 * resource would, so one answer names the wrong types, the unknown fields and the invalid values.
 */
final class JsonFieldErrors {

    /** A request body with these offending fields, each under the name the API uses. */
    static final class InvalidFields extends RuntimeException {

        private final transient List<Problem.FieldError> errors;

        InvalidFields(List<Problem.FieldError> errors) {
            super("invalid fields", null, false, false);
            this.errors = errors;
        }

        List<Problem.FieldError> errors() {
            return errors;
        }
    }

    private JsonFieldErrors() {
    }

    /**
     * All the offending fields of {@code body} as a {@code type}, or empty when it is not a JSON
     * object (then the first refusal says all there is to say).
     */
    static List<Problem.FieldError> of(JsonNode body, Type type, ObjectMapper json, Validator validator) {
        if (!(body instanceof ObjectNode object)) {
            return List.of();
        }
        JavaType target = json.constructType(type);
        Map<String, JavaType> properties = json.getDeserializationConfig().introspect(target).findProperties()
                .stream().collect(Collectors.toMap(BeanPropertyDefinition::getName,
                        property -> property.getPrimaryType(), (first, second) -> first));
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> unreadable = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JavaType declared = properties.get(field.getKey());
            if (declared == null) {
                errors.add(new Problem.FieldError(field.getKey(), "is not a known field"));
                unreadable.add(field.getKey());
                continue;
            }
            try {
                json.readerFor(declared).readValue(json.treeAsTokens(field.getValue()));
            } catch (JsonMappingException refused) {
                String inner = pathOf(refused);
                errors.add(new Problem.FieldError(inner.isEmpty() ? field.getKey()
                        : field.getKey() + (inner.startsWith("[") ? "" : ".") + inner, reason(refused)));
                unreadable.add(field.getKey());
            } catch (java.io.IOException notJson) {
                unreadable.add(field.getKey());
            }
        }
        ObjectNode readable = object.deepCopy();
        readable.remove(unreadable);
        try {
            Object partial = json.readerFor(target).readValue(json.treeAsTokens(readable));
            for (ConstraintViolation<Object> violation : validator.validate(partial)) {
                String field = violation.getPropertyPath().toString();
                if (!unreadable.contains(field.split("[.\\[]")[0])) {
                    errors.add(new Problem.FieldError(field, violation.getMessage()));
                }
            }
        } catch (java.io.IOException whole) {
            // A value that reads on its own but not with the others (a record's own check): named above or by Jackson.
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    /** What is wrong with a value Jackson refused, as a field error says it. */
    static String reason(JsonMappingException refused) {
        if (refused instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (refused instanceof ValueInstantiationException instantiation
                && instantiation.getCause() instanceof IllegalArgumentException argument) {
            return argument.getMessage();
        }
        return refused instanceof MismatchedInputException mismatch ? expectation(mismatch) : "is not a valid value";
    }

    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String expectation(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "has the wrong type";
        }
        if (LocalDate.class.equals(target)) {
            return "must be a date in the form yyyy-MM-dd";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be an ISO-8601 date or time";
        }
        if (UUID.class.equals(target)) {
            return "must be a UUID";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return e instanceof InvalidFormatException ? "must be a whole number" : "must be a number";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a JSON array";
        }
        if (String.class.equals(target)) {
            return "must be a JSON string";
        }
        return "must be a JSON object";
    }
}
