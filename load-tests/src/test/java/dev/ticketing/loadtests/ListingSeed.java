package dev.ticketing.loadtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A million rows in each of the fans' listings (reservations, payments, balance history), one fan holding every
 * hundredth of them (10,000), written straight into the local stack's MariaDB. Idempotent: a database that has
 * the fan's rows already is left alone. Only for a stack started for benchmarking: the rows are not real money,
 * so the consistency audit reports them (wipe the stack afterwards: {@code ./stack down --wipe}).
 */
final class ListingSeed {

    /** The fan whose pages are read; the other 990,000 rows belong to 99,000 others, ten each. */
    static final String FAN = "00000000-0000-4000-8000-00000000fa00";
    static final int ROWS = 1_000_000;
    static final int FANS_ROWS = ROWS / 100;

    private static final Pattern FIRST_CONCERT = Pattern.compile("\"concertId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern FIRST_DATE = Pattern.compile("\"date\"\\s*:\\s*\"([0-9-]{10})\"");

    /** 0 .. 999,999 from six joined digit tables: no recursion limit to meet on MySQL or MariaDB. */
    private static final String NUMBERS = """
            (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 100000 * g.d AS i
             FROM %1$s a, %1$s b, %1$s c, %1$s e, %1$s f, %1$s g) AS n""".formatted(
            "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL "
                    + "SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)");
    private static final String USER = "IF(n.i % 100 = 0, '" + FAN
            + "', CONCAT('00000000-0000-4000-9000-', LPAD(HEX(n.i DIV 10), 12, '0')))";

    private final String jdbcBase;

    ListingSeed(String mariaDbHostPort) {
        this.jdbcBase = "jdbc:mysql://" + mariaDbHostPort + "/";
    }

    void seedIfMissing(URI concertService) throws Exception {
        String concertId = firstMatch(get(concertService.resolve("/api/v1/concerts")), FIRST_CONCERT);
        String date = firstMatch(get(concertService.resolve("/api/v1/concerts/" + concertId + "/dates")), FIRST_DATE);
        try (Connection db = connect("reservation")) {
            seed(db, "reservation", """
                    INSERT INTO reservation (id, user_id, token_id, concert_id, schedule_id, date, seat_number, price,
                                             status, payment_id, expires_at, created_at, updated_at)
                    SELECT UUID(), %s, UUID(), '%s', 1, '%s', 1 + n.i %% 50, 50000, 'EXPIRED', NULL,
                           NOW(6) - INTERVAL n.i SECOND + INTERVAL 5 MINUTE, NOW(6) - INTERVAL n.i SECOND,
                           NOW(6) - INTERVAL n.i SECOND
                    FROM %s""".formatted(USER, concertId, date, NUMBERS));
        }
        try (Connection db = connect("payment")) {
            seed(db, "payment", """
                    INSERT INTO payment (id, reservation_id, user_id, amount, balance_after, status, created_at,
                                         updated_at)
                    SELECT UUID(), UUID(), %s, 50000, 0, 'COMPLETED', NOW(6) - INTERVAL n.i SECOND,
                           NOW(6) - INTERVAL n.i SECOND
                    FROM %s""".formatted(USER, NUMBERS));
            seed(db, "balance_entry", """
                    INSERT INTO balance_entry (id, user_id, kind, amount, balance_after, occurred_at)
                    SELECT UUID(), %s, 'CHARGE', 1, 1000000 - n.i, NOW(6) - INTERVAL n.i SECOND
                    FROM %s ORDER BY n.i DESC""".formatted(USER, NUMBERS));
        }
    }

    private void seed(Connection db, String table, String insert) throws SQLException {
        if (count(db, table) >= FANS_ROWS) {
            System.out.println("[benchmark] " + table + ": the fan has " + FANS_ROWS + " rows already, not seeded again");
            return;
        }
        long started = System.nanoTime();
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate(insert);
        }
        System.out.printf("[benchmark] %s: %,d rows seeded in %.1f s, %,d of them the fan's%n", table, ROWS,
                (System.nanoTime() - started) / 1e9, count(db, table));
    }

    private static long count(Connection db, String table) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?")) {
            query.setString(1, FAN);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The local stack's credentials (infra's ServiceEnvironment): they guard nothing beyond loopback. */
    private Connection connect(String service) throws SQLException {
        return DriverManager.getConnection(jdbcBase + service + "_db?sslMode=DISABLED&allowPublicKeyRetrieval=true",
                service, service + "-local");
    }

    private static String get(URI uri) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
            }
            return response.body();
        }
    }

    private static String firstMatch(String body, Pattern pattern) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("nothing like " + pattern + " in " + body);
        }
        return matcher.group(1);
    }
}
