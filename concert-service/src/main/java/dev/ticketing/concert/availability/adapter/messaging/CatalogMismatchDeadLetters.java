package dev.ticketing.concert.availability.adapter.messaging;

import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;

import dev.ticketing.concert.availability.application.EventDoesNotFitCatalog;

/**
 * An event for a seat this catalog does not have goes to the dead-letter topic at once, like an unreadable
 * one: retrying it would only hold up the seats behind it on its partition.
 */
@Configuration(proxyBeanMethods = false)
class CatalogMismatchDeadLetters {

    CatalogMismatchDeadLetters(DefaultErrorHandler eventErrorHandler) {
        eventErrorHandler.addNotRetryableExceptions(EventDoesNotFitCatalog.class);
    }
}
