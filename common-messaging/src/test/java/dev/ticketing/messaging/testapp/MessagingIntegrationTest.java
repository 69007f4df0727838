package dev.ticketing.messaging.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.ticketing.testsupport.RealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** Every IT of this module: the same configuration, so all of them share one cached application context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MessagingTestApplication.class)
@RealInfrastructure(database = "messaging_db")
public @interface MessagingIntegrationTest {
}
