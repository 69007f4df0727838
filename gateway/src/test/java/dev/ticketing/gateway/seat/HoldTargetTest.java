package dev.ticketing.gateway.seat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HoldTargetTest {

    private static final String CONCERT = "5b0c7c8e-3f4a-4b1e-9d2a-0c1e2f3a4b5c";

    @Test
    void aHoldBodyNamesItsSeatWhateverTheOrderAndSpacing() {
        HoldTarget expected = new HoldTarget(UUID.fromString(CONCERT), LocalDate.of(2030, 5, 17), 7);

        assertThat(HoldTarget.of(bytes("{\"concertId\":\"" + CONCERT + "\",\"date\":\"2030-05-17\",\"seatNumber\":7}")))
                .contains(expected);
        assertThat(HoldTarget.of(bytes(" { \"seatNumber\" : 7, \"date\" : \"2030-05-17\", \"concertId\" : \""
                + CONCERT.toUpperCase() + "\" } "))).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"concertId\":\"" + CONCERT + "\",\"date\":\"2030-05-17\",\"seatNumber\":7,\"note\":1}",
            "{\"concertId\":\"" + CONCERT + "\",\"date\":\"2030-05-17\"}",
            "{\"concertId\":\"" + CONCERT + "\",\"date\":\"2030-05-17\",\"seatNumber\":\"7\"}",
            "{\"concertId\":\"" + CONCERT + "\",\"date\":\"2030-05-17\",\"seatNumber\":7.0}",
            "{\"concertId\":\"" + CONCERT + "\",\"date\":\"2030-05-17\",\"seatNumber\":null}",
            "{\"concertId\":\"" + CONCERT + "\",\"date\":\"2030-05-17\",\"seatNumber\":99999999999}",
            "{\"concertId\":\"" + CONCERT + "\",\"date\":\"2030-5-17\",\"seatNumber\":7}",
            "{\"concertId\":\"" + CONCERT + "\",\"date\":\"2030-02-30\",\"seatNumber\":7}",
            "{\"concertId\":\"" + CONCERT + "\",\"date\":20300517,\"seatNumber\":7}",
            "{\"concertId\":\"1-2-3-4-5\",\"date\":\"2030-05-17\",\"seatNumber\":7}",
            "{\"concertId\":42,\"date\":\"2030-05-17\",\"seatNumber\":7}",
            "{\"concertId\":\"" + CONCERT + "\",\"date\":\"2030-05-17\",\"seatNumber\":7",
            "[\"" + CONCERT + "\",\"2030-05-17\",7]",
            "null",
            "not json",
            ""})
    void anyOtherBodyHasNoTargetAndIsLeftToTheService(String body) {
        assertThat(HoldTarget.of(bytes(body))).isEmpty();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
