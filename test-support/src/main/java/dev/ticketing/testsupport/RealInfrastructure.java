package dev.ticketing.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test context at the JVM's one real Kafka, Redis and (when {@link #database()} is given)
 * MySQL-compatible schema: sets {@code spring.kafka.bootstrap-servers}, {@code spring.data.redis.*} and
 * {@code spring.datasource.*}. Contexts with the same settings are cached and shared as usual.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealInfrastructure {

    /** The service's schema, e.g. {@code concert_db}; empty for services without a database. */
    String database() default "";
}
