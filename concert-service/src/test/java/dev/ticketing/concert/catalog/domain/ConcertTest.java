package dev.ticketing.concert.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConcertTest {

    private static final Instant NOW = Instant.parse("2030-03-10T12:00:00Z");

    @Test
    void aConcertIsCreatedWithItsDates() {
        Concert concert = Concert.create("  Spring Gala ", "Olympic Hall", List.of(on("2030-03-10"), on("2030-03-11")), NOW);

        assertThat(concert.title()).isEqualTo("Spring Gala");
        assertThat(concert.createdAt()).isEqualTo(NOW);
        assertThat(concert.schedules()).extracting(Schedule::date)
                .containsExactly(LocalDate.parse("2030-03-10"), LocalDate.parse("2030-03-11"));
        assertThat(concert.summary()).isEqualTo(new ConcertSummary(concert.id(), "Spring Gala", "Olympic Hall"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void aConcertNeedsATitle(String title) {
        assertThatThrownBy(() -> Concert.create(title, "Olympic Hall", List.of(on("2030-04-01")), NOW))
                .isInstanceOf(CatalogRuleViolation.class)
                .hasMessageContaining("title");
    }

    @Test
    void aVenueLongerThanTwoHundredCharactersIsRefused() {
        assertThatThrownBy(() -> Concert.create("T", "v".repeat(201), List.of(on("2030-04-01")), NOW))
                .isInstanceOf(CatalogRuleViolation.class)
                .hasMessageContaining("venue");
    }

    @Test
    void aConcertNeedsAtLeastOneDate() {
        assertThatThrownBy(() -> Concert.create("T", "V", List.of(), NOW))
                .isInstanceOf(CatalogRuleViolation.class);
    }

    @Test
    void theSameDateCannotBeGivenTwice() {
        assertThatThrownBy(() -> Concert.create("T", "V", List.of(on("2030-04-01"), on("2030-04-01")), NOW))
                .isInstanceOf(CatalogRuleViolation.class)
                .hasMessageContaining("more than once");
    }

    @Test
    void aDateBeforeTodayIsRefused() {
        assertThatThrownBy(() -> Concert.create("T", "V", List.of(on("2030-04-01"), on("2030-03-09")), NOW))
                .isInstanceOf(CatalogRuleViolation.class)
                .hasMessageContaining("in the past");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Spring\u0000Gala", "Spring\u0007Gala", "Spring\nGala", "Spring \ud800Gala", "Gala \udc00"})
    void textsWithControlCharactersOrBrokenUnicodeAreRefused(String text) {
        assertThatThrownBy(() -> Concert.create(text, "Olympic Hall", List.of(on("2030-04-01")), NOW))
                .isInstanceOf(CatalogRuleViolation.class)
                .hasMessageContaining("title");
        assertThatThrownBy(() -> Concert.create("T", text, List.of(on("2030-04-01")), NOW))
                .isInstanceOf(CatalogRuleViolation.class)
                .hasMessageContaining("venue");
    }

    @Test
    void textsInAnyScriptAreKept() {
        Concert concert = Concert.create("봄 콘서트 \uD83C\uDFB5", "Zénith – Paris", List.of(on("2030-04-01")), NOW);

        assertThat(concert.title()).isEqualTo("봄 콘서트 \uD83C\uDFB5");
        assertThat(concert.venue()).isEqualTo("Zénith – Paris");
    }

    private static Schedule on(String date) {
        LocalDate day = LocalDate.parse(date);
        ScheduleId id = new ScheduleId(day.toEpochDay());
        return Schedule.plan(id, day, Instant.parse("2030-01-01T00:00:00Z"), new Price(50_000), Map.of());
    }
}
