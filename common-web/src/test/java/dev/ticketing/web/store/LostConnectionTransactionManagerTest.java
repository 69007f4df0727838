package dev.ticketing.web.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A commit that loses its database link, on a connection that behaves as HikariCP's does: the commit fails with a
 * communication failure (SQLSTATE 08S01), the pool closes the connection, and anything asked of it afterwards fails
 * with a bare "Connection is closed".
 */
@ExtendWith(OutputCaptureExtension.class)
class LostConnectionTransactionManagerTest {

    private final LosingConnection connection = new LosingConnection();

    @Test
    void theCommitsOwnFailureReachesTheCallerAndNothingIsRolledBackOnTheClosedConnection(CapturedOutput output) {
        Throwable failure = commitWith(new LostConnectionTransactionManager(connection.dataSource()));

        assertThat(failure).isInstanceOf(DataAccessException.class).hasRootCauseInstanceOf(SQLRecoverableException.class);
        assertThat(StoreUnavailableHandling.lostConnection(failure)).isTrue();
        assertThat(connection.rollbacks.get()).isZero();
        assertThat(connection.closed).isTrue();
        assertThat(output).doesNotContain("overridden by rollback exception");
    }

    /** What Boot's own transaction manager does with it: the failed rollback replaces the commit's failure. */
    @Test
    void bootsTransactionManagerThrowsOnlyTheFailedRollback(CapturedOutput output) {
        Throwable failure = commitWith(new JdbcTransactionManager(connection.dataSource()));

        assertThat(failure).isInstanceOf(TransactionSystemException.class)
                .hasRootCauseMessage("Connection is closed");
        assertThat(connection.rollbacks.get()).isOne();
        assertThat(output).contains("Commit exception overridden by rollback exception");
    }

    @Test
    void anOpenConnectionIsRolledBackAsUsual() {
        LostConnectionTransactionManager transactions = new LostConnectionTransactionManager(connection.dataSource());
        transactions.setExceptionTranslator(new SQLExceptionSubclassTranslator());

        new TransactionTemplate(transactions).executeWithoutResult(status -> status.setRollbackOnly());

        assertThat(connection.rollbacks.get()).isOne();
    }

    @Test
    void itIsTheTransactionManagerOfAServiceWithADatabaseUnlessTheServiceHasOne() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LostConnectionTransactionsAutoConfiguration.class))
                .withBean(DataSource.class, connection::dataSource);

        context.run(ctx -> assertThat(ctx).getBean(TransactionManager.class)
                .isExactlyInstanceOf(LostConnectionTransactionManager.class));
        context.withBean("transactionManager", PlatformTransactionManager.class,
                        () -> new JdbcTransactionManager(connection.dataSource()))
                .run(ctx -> assertThat(ctx).getBean(TransactionManager.class)
                        .isExactlyInstanceOf(JdbcTransactionManager.class));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LostConnectionTransactionsAutoConfiguration.class))
                .run(ctx -> assertThat(ctx).doesNotHaveBean(TransactionManager.class));
    }

    private static Throwable commitWith(JdbcTransactionManager transactions) {
        // The translator Boot's manager would pick after asking the database which one it is (the connection here
        // cannot say): a SQLRecoverableException becomes a RecoverableDataAccessException.
        transactions.setExceptionTranslator(new SQLExceptionSubclassTranslator());
        return catchThrowable(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
        }));
    }

    /** One connection, as the pool hands it out; its commit loses the link. */
    private static final class LosingConnection {

        private final AtomicInteger rollbacks = new AtomicInteger();
        private volatile boolean closed;
        private final AtomicBoolean autoCommit = new AtomicBoolean(true);

        DataSource dataSource() {
            Connection proxy = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (self, method, args) -> switch (method.getName()) {
                        case "commit" -> {
                            closed = true;
                            throw new SQLRecoverableException("Communications link failure", "08S01");
                        }
                        case "rollback" -> {
                            rollbacks.incrementAndGet();
                            if (closed) {
                                throw new SQLException("Connection is closed");
                            }
                            yield null;
                        }
                        case "isClosed" -> closed;
                        case "close" -> {
                            closed = true;
                            yield null;
                        }
                        case "getAutoCommit" -> autoCommit.get();
                        case "setAutoCommit" -> {
                            autoCommit.set((Boolean) args[0]);
                            yield null;
                        }
                        case "isReadOnly" -> false;
                        case "getTransactionIsolation" -> Connection.TRANSACTION_REPEATABLE_READ;
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        case "toString" -> "losing connection";
                        default -> null;
                    });
            return new SingleConnectionSource(proxy);
        }
    }

    private record SingleConnectionSource(Connection connection) implements DataSource {

        @Override
        public Connection getConnection() {
            return connection;
        }

        @Override
        public Connection getConnection(String username, String password) {
            return connection;
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
