package dev.ticketing.reservation.hold.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLIntegrityConstraintViolationException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DuplicateKeyException;

class UniqueKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Duplicate entry '42-7-1' for key 'uk_reservation_seat_taken'                          | SEAT_TAKEN
            Duplicate entry '42-7-1' for key 'reservation.uk_reservation_seat_taken'              | SEAT_TAKEN
            Duplicate entry 'a13f10b1-1' for key 'uk_reservation_token_holding'                   | TOKEN_HOLDING
            Duplicate entry 'a13f10b1-1' for key 'reservation.uk_reservation_token_holding'       | TOKEN_HOLDING
            Duplicate entry 'd65b26ad' for key 'PRIMARY'                                          | OTHER
            """)
    void theKeyNamedByMySqlOrMariaDbSaysWhichRuleRefusedTheHold(String message, UniqueKey expected) {
        DuplicateKeyException e = new DuplicateKeyException("INSERT failed",
                new SQLIntegrityConstraintViolationException(message, "23000", 1062));

        assertThat(UniqueKey.violatedBy(e)).isEqualTo(expected);
    }
}
