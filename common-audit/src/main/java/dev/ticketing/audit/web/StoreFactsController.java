package dev.ticketing.audit.web;

import java.sql.Connection;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.web.bind.annotation.GetMapping;

import dev.ticketing.audit.StoreFacts;

/**
 * A service's part of the consistency audit, read in one snapshot over its own pool, for concert-service's
 * {@code GET /api/v1/admin/audit} (service to service: not routed by the gateway). Each database-backed service
 * serves it from a {@code @RestController} subclass that names its {@link StoreFacts} reader.
 *
 * @param <T> the facts of the service's schema, e.g. {@link StoreFacts.Payment}
 */
public abstract class StoreFactsController<T> {

    public static final String PATH = "/internal/v1/audit/facts";

    private final DataSource dataSource;
    private final Function<Connection, T> reader;

    /** @param reader one of {@link StoreFacts}' readers, which closes the connection it is given */
    protected StoreFactsController(DataSource dataSource, Function<Connection, T> reader) {
        this.dataSource = dataSource;
        this.reader = reader;
    }

    @GetMapping(PATH)
    public T facts() {
        return reader.apply(DataSourceUtils.getConnection(dataSource));
    }
}
