package dev.ticketing.reservation.audit;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.audit.StoreFacts;

/**
 * This service's part of the consistency audit, read in one snapshot, for concert-service's
 * {@code GET /api/v1/admin/audit} (service to service: not routed by the gateway).
 */
@RestController
class AuditFactsController {

    private final DataSource dataSource;

    AuditFactsController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GetMapping("/internal/v1/audit/facts")
    StoreFacts.Reservation facts() {
        return StoreFacts.reservation(DataSourceUtils.getConnection(dataSource));
    }
}
