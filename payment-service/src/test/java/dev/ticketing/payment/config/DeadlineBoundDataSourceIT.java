package dev.ticketing.payment.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.ticketing.payment.support.IntegrationScenario;

/** The service's pool, with a request's deadline: a free connection is taken, a busy pool is not waited on. */
class DeadlineBoundDataSourceIT extends IntegrationScenario {

    private static final Pattern WAITED = Pattern.compile("request timed out after (\\d+)ms");

    @Autowired
    DataSource dataSource;

    @Test
    void theServicesPoolIsBoundByTheRequestsDeadline() throws SQLException {
        assertThat(dataSource).isInstanceOf(DeadlineBoundDataSource.class);
        assertThat(dataSource.unwrap(HikariDataSource.class).getConnectionTimeout()).isEqualTo(3_000);
    }

    @Test
    void aRequestOutOfTimeStillTakesAFreeConnection() throws SQLException {
        long passed = System.nanoTime() - 1_000_000_000L;

        try (Connection connection = connectWithin(passed)) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    @Test
    void aRequestOutOfTimeMeetsABusyPoolAtOnceAsTheBusyAnswerNotAfterThePoolsThreeSeconds() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> taken = new ArrayList<>();
        try {
            while (taken.size() < pool.getMaximumPoolSize()) {
                taken.add(pool.getConnection());
            }
            long passed = System.nanoTime() - 1_000_000_000L;

            assertThatThrownBy(() -> connectWithin(passed).close()).isInstanceOf(SQLTransientConnectionException.class)
                    // What common-web's store handling answers as a busy pool: 503 SERVICE_BUSY, a shed.
                    .hasMessageContaining("Connection is not available")
                    .satisfies(timeout -> assertThat(waitedMillis(timeout)).isLessThan(pool.getConnectionTimeout()));
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
    }

    private Connection connectWithin(long deadlineNanos) throws SQLException {
        try {
            return ConnectionDeadline.within(deadlineNanos, () -> {
                try {
                    return dataSource.getConnection();
                } catch (SQLException e) {
                    throw new WrappedSqlException(e);
                }
            });
        } catch (WrappedSqlException e) {
            throw e.sql;
        }
    }

    /** What the pool says it waited: HikariCP's message names it ("request timed out after 0ms"). */
    private static long waitedMillis(Throwable timeout) {
        Matcher waited = WAITED.matcher(timeout.getMessage());
        assertThat(waited.find()).as(timeout.getMessage()).isTrue();
        return Long.parseLong(waited.group(1));
    }

    private static final class WrappedSqlException extends RuntimeException {

        private final SQLException sql;

        WrappedSqlException(SQLException sql) {
            super(sql);
            this.sql = sql;
        }
    }
}
