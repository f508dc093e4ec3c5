package no.samrad.infrastructure.axon;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import no.samrad.infrastructure.api.StoredAs;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer with the stored names of moved types: a class marked {@link StoredAs}
 * is written under its stored name and read back from it. The moved classes are named by the
 * capabilities' {@link AxonModule#movedTypes()}, so that a name no class has any more still finds its class.
 */
final class StoredTypeSerializer extends JacksonSerializer {

    private final Map<String, String> classByStoredName;

    StoredTypeSerializer(JacksonSerializer.Builder builder, Collection<Class<?>> movedTypes) {
        super(builder);
        this.classByStoredName = movedTypes.stream().collect(Collectors.toUnmodifiableMap(
                StoredTypeSerializer::storedName, Class::getName));
    }

    /** The name events of this type are stored under. */
    static String storedName(Class<?> type) {
        StoredAs stored = type.getAnnotation(StoredAs.class);
        return stored == null ? type.getName() : stored.value();
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type == null || !type.isAnnotationPresent(StoredAs.class)) {
            return super.typeForClass(type);
        }
        return new SimpleSerializedType(storedName(type), getRevisionResolver().revisionOf(type));
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return classByStoredName.getOrDefault(serializedType.getName(), serializedType.getName());
    }
}
