package no.samrad.infrastructure.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The type name a stored event was first written under, for an event class that has since moved
 * to another package. Stored events name their type; the name stays, so that the store written
 * before the move reads as it did, new events of the type are stored under the same name, and the
 * published log's hashes of them do not change.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StoredAs {

    /** The fully qualified class name the type was stored under. */
    String value();
}
