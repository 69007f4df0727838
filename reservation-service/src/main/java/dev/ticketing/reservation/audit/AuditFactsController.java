package dev.ticketing.reservation.audit;

import javax.sql.DataSource;

import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.audit.StoreFacts;
import dev.ticketing.audit.web.StoreFactsController;

/** This service's part of the consistency audit: its reservations. */
@RestController
class AuditFactsController extends StoreFactsController<StoreFacts.Reservation> {

    AuditFactsController(DataSource dataSource) {
        super(dataSource, StoreFacts::reservation);
    }
}
