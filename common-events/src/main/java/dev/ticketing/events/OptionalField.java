package dev.ticketing.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A payload field added to an event after its {@code schemaVersion} was released (EVENTS.md, "Schema evolution"):
 * events published before it, or by a producer that does not know it, lack it, and it reads as {@code null}. Its
 * schema lists it under {@code properties} but not {@code required}; it is never a primitive, and a null one is
 * left out of the JSON rather than written as {@code null}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OptionalField {

    /** When it was added, as the catalog announces it (e.g. {@code "2026-12"}). */
    String since();
}
