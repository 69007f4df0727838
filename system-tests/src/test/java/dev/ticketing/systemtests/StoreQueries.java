package dev.ticketing.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.ticketing.infra.audit.AuditSources;

/** Reads the services' stores directly, for what a test must check beyond the audit. */
final class StoreQueries {

    private StoreQueries() {
    }

    /**
     * The payments answered 201 that did not keep their seat: not COMPLETED, or their reservation not CONFIRMED to
     * them. The audit judges what the stores hold; this checks that every 201 a client saw is in them.
     */
    static List<String> lostPayments(AuditSources sources, List<JourneyLoad.Paid> paid) {
        List<String> lost = new ArrayList<>();
        for (JourneyLoad.Paid payment : paid) {
            String status = single(sources.payment(), "SELECT status FROM payment WHERE id = ?", payment.paymentId());
            String reservation = single(sources.reservation(),
                    "SELECT CONCAT(status, ':', COALESCE(payment_id, '')) FROM reservation WHERE id = ?",
                    payment.reservationId());
            if (!"COMPLETED".equals(status) || !("CONFIRMED:" + payment.paymentId()).equals(reservation)) {
                lost.add(payment + " payment=" + status + " reservation=" + reservation);
            }
        }
        return lost;
    }

    /** The first column of the first row of a query with one string parameter, or null when there is no row. */
    static String single(AuditSources.Database database, String sql, String parameter) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database + ": " + e.getMessage(), e);
        }
    }
}
