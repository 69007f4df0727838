package dev.ticketing.concert.audit;

import javax.sql.DataSource;

import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.audit.StoreFacts;
import dev.ticketing.audit.web.StoreFactsController;

/** This service's part of the consistency audit: its seats and schedules. */
@RestController
class AuditFactsController extends StoreFactsController<StoreFacts.Concert> {

    AuditFactsController(DataSource dataSource) {
        super(dataSource, StoreFacts::concert);
    }
}
