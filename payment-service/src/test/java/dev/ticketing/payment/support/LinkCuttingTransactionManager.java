package dev.ticketing.payment.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;

import dev.ticketing.web.store.LostConnectionTransactionManager;

/**
 * The service's transaction manager (common-web's {@link LostConnectionTransactionManager} on the pool), which a test can
 * tell to lose the database link of the next transaction a request commits, just before the commit: the
 * connection is killed on the real server ({@code KILL CONNECTION}) from another connection, as if the database
 * stopped after the transaction's last statement. Transactions of other threads (relay, listeners, sweeps) and of
 * later requests commit as usual.
 */
public class LinkCuttingTransactionManager extends LostConnectionTransactionManager {

    private final AtomicBoolean armed = new AtomicBoolean();

    public LinkCuttingTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    /** The next transaction a request commits loses its connection first. */
    public void cutTheNextRequestsCommit() {
        armed.set(true);
    }

    /** Whether the armed cut is still waiting for a request's commit. */
    public boolean stillArmed() {
        return armed.get();
    }

    public void disarm() {
        armed.set(false);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        if (RequestContextHolder.getRequestAttributes() != null && armed.compareAndSet(true, false)) {
            killTheConnectionOfThisTransaction();
        }
        super.doCommit(status);
    }

    private void killTheConnectionOfThisTransaction() {
        ConnectionHolder holder = (ConnectionHolder) TransactionSynchronizationManager.getResource(obtainDataSource());
        try (Statement ask = holder.getConnection().createStatement();
             ResultSet id = ask.executeQuery("SELECT CONNECTION_ID()")) {
            id.next();
            // A connection of its own, outside the transaction (the pool's, not the one bound to this thread).
            try (Connection other = obtainDataSource().getConnection(); Statement kill = other.createStatement()) {
                kill.execute("KILL CONNECTION " + id.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not cut the transaction's database link", e);
        }
    }
}
