package dev.ticketing.concert.audit;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.audit.StoreFacts;

/** This service's part of the consistency audit: its seats and schedules, read in one snapshot (service to service). */
@RestController
class AuditFactsController {

    private final DataSource dataSource;

    AuditFactsController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GetMapping("/internal/v1/audit/facts")
    StoreFacts.Concert facts() {
        return StoreFacts.concert(DataSourceUtils.getConnection(dataSource));
    }
}
