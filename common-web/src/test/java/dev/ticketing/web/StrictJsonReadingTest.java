package dev.ticketing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonReadingTest {

    record Hold(String date, Integer seatNumber, Map<Integer, Long> seatPrices) {
    }

    record Join(java.util.UUID userId, java.time.LocalDate date) {
    }

    private final JsonMapper strict = StrictJsonReading.apply(JsonMapper.builder()).build();

    @Test
    void aKeyGivenTwiceIsRefusedEvenWhenTheLastValueIsValid() {
        assertThatThrownBy(() -> strict.readValue("{\"seatNumber\":0,\"seatNumber\":8}", Hold.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("Duplicate");
    }

    @Test
    void aNumericStringIsNotANumber() {
        assertThatThrownBy(() -> strict.readValue("{\"seatNumber\":\"8\"}", Hold.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void aNumberOrBooleanIsNotAString() {
        assertThatThrownBy(() -> strict.readValue("{\"date\":12}", Hold.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> strict.readValue("{\"date\":1.5}", Hold.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> strict.readValue("{\"date\":true}", Hold.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void anIntegralFractionIsNotAnInteger() {
        assertThatThrownBy(() -> strict.readValue("{\"seatNumber\":8.0}", Hold.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void anIdIsItsThirtySixCharactersOnly() {
        String id = "0e984725-c51c-4bf4-9960-e1c80e27aba0";

        assertThat(strict.readValue("{\"userId\":\"" + id + "\"}", Join.class).userId()).hasToString(id);
        assertThatThrownBy(() -> strict.readValue("{\"userId\":\"" + id + "\\u0000\"}", Join.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> strict.readValue("{\"userId\":\" " + id + "\"}", Join.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> strict.readValue("{\"userId\":12}", Join.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void aDateIsAnIsoDateString() {
        assertThat(strict.readValue("{\"date\":\"2026-12-30\"}", Join.class).date()).hasToString("2026-12-30");
        assertThatThrownBy(() -> strict.readValue("{\"date\":[2026,12,30]}", Join.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> strict.readValue("{\"date\":\"2026-02-30\"}", Join.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> strict.readValue("{\"date\":20261230}", Join.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void wellFormedBodiesReadAsBefore() {
        Hold hold = strict.readValue("{\"date\":\"2030-01-01\",\"seatNumber\":8,\"seatPrices\":{\"1\":1000}}",
                Hold.class);

        assertThat(hold).isEqualTo(new Hold("2030-01-01", 8, Map.of(1, 1000L)));
    }

    @Test
    void everyServiceMapperIsStrictThroughTheAutoConfiguration() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, StrictJsonReading.class))
                .run(context -> assertThatThrownBy(() -> context.getBean(JsonMapper.class)
                        .readValue("{\"seatNumber\":1,\"seatNumber\":2}", Hold.class))
                        .isInstanceOf(JacksonException.class));
    }
}
