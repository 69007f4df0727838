package dev.ticketing.payment.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * HikariCP whose wait for a connection ends at the request's {@link ConnectionDeadline} when the thread has one:
 * a request out of time meets a busy pool's usual timeout ("Connection is not available", answered 503
 * SERVICE_BUSY as a shed by common-web's store handling) sooner, never after its answer is due. Everything else
 * (metrics, health, Flyway, threads without a deadline) sees the pool as it is.
 */
class DeadlineBoundDataSource extends DelegatingDataSource implements AutoCloseable {

    private final HikariDataSource hikari;

    DeadlineBoundDataSource(HikariDataSource hikari) {
        super(hikari);
        this.hikari = hikari;
    }

    @Override
    public Connection getConnection() throws SQLException {
        OptionalLong deadline = ConnectionDeadline.current();
        // The pool starts with the first connection asked for (Flyway's, at start); until then, as usual.
        if (deadline.isEmpty() || !(hikari.getHikariPoolMXBean() instanceof HikariPool pool)) {
            return hikari.getConnection();
        }
        return pool.getConnection(ConnectionDeadline.waitMillis(deadline.getAsLong(), System.nanoTime(),
                hikari.getConnectionTimeout()));
    }

    /** The bean's destroy method, inferred from this class now that it stands for the pool: the pool closes. */
    @Override
    public void close() {
        hikari.close();
    }
}
