package dev.ticketing.payment.audit;

import javax.sql.DataSource;

import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.audit.StoreFacts;
import dev.ticketing.audit.web.StoreFactsController;

/** This service's part of the consistency audit: payments, balances and charges. */
@RestController
class AuditFactsController extends StoreFactsController<StoreFacts.Payment> {

    AuditFactsController(DataSource dataSource) {
        super(dataSource, StoreFacts::payment);
    }
}
