package dev.ticketing.web.store;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Boot's transaction manager ({@link JdbcTransactionManager}) that does not roll back on a connection the pool has
 * already closed. When the database link breaks in a transaction (the database stopped, failed over, the
 * connection killed), the statement or the commit fails, HikariCP closes that connection, and the database ends
 * the transaction with it. Spring's rollback then can only fail with HikariCP's bare "Connection is closed", and
 * that failure replaces the one that mattered: Spring logs "Commit exception overridden by rollback exception" (or
 * "Application exception overridden ...") at ERROR and throws only the rollback's failure. Skipped, the real
 * failure (the lost link) reaches the caller and {@link StoreUnavailableHandling} answers it 503.
 *
 * <p>Nothing is lost by the skip: a closed connection cannot roll anything back, and the cleanup after the
 * transaction (resetting and releasing the connection) runs as before.
 */
public class LostConnectionTransactionManager extends JdbcTransactionManager {

    private static final Logger log = LoggerFactory.getLogger(LostConnectionTransactionManager.class);

    public LostConnectionTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        if (connectionClosed(status.getTransaction())) {
            log.debug("rollback_skipped: the pool has closed the transaction's connection, the database ended it");
            return;
        }
        super.doRollback(status);
    }

    static boolean connectionClosed(Object transaction) {
        if (transaction instanceof JdbcTransactionObjectSupport jdbc && jdbc.hasConnectionHolder()) {
            try {
                return jdbc.getConnectionHolder().getConnection().isClosed();
            } catch (SQLException | RuntimeException cannotTell) {
                return false; // roll back as usual, and let that say what is wrong
            }
        }
        return false;
    }
}
