package dev.ticketing.infra.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

import dev.ticketing.audit.AuditFacts;
import dev.ticketing.audit.AuditFacts.QueueFacts;
import dev.ticketing.audit.AuditUnavailable;
import dev.ticketing.audit.StoreFacts;

/**
 * The three service schemas read straight from the database with each service's own credentials, in the order
 * {@link dev.ticketing.audit.AuditRules} asks for: concert, reservation, payment.
 */
final class DatabaseFacts {

    private final StoreFacts.Concert concert;
    private final StoreFacts.Reservation reservation;
    private final StoreFacts.Payment payment;

    private DatabaseFacts(StoreFacts.Concert concert, StoreFacts.Reservation reservation, StoreFacts.Payment payment) {
        this.concert = concert;
        this.reservation = reservation;
        this.payment = payment;
    }

    static DatabaseFacts read(AuditSources sources) {
        StoreFacts.Concert concert = StoreFacts.concert(connect(StoreFacts.CONCERT_SERVICE, sources.concert()));
        StoreFacts.Reservation reservation = StoreFacts.reservation(connect(StoreFacts.RESERVATION_SERVICE, sources.reservation()));
        StoreFacts.Payment payment = StoreFacts.payment(connect(StoreFacts.PAYMENT_SERVICE, sources.payment()));
        return new DatabaseFacts(concert, reservation, payment);
    }

    AuditFacts with(Optional<QueueFacts> queue) {
        return AuditFacts.of(concert, reservation, payment, queue);
    }

    private static Connection connect(String service, AuditSources.Database database) {
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        properties.setProperty("password", database.password());
        properties.setProperty("connectTimeout", "5000");
        properties.setProperty("socketTimeout", "120000");
        try {
            return DriverManager.getConnection(database.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw new AuditUnavailable("Cannot read " + service + "'s schema (" + database + "): " + e.getMessage(), e);
        }
    }
}
