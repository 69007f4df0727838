package dev.ticketing.concert.catalog.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A concert with its dates. Built only through {@link #create}, which enforces the catalog rules. */
public record Concert(ConcertId id, String title, String venue, Instant createdAt, List<Schedule> schedules) {

    public static final int MAX_TEXT_LENGTH = 200;
    public static final int MAX_DATES = 366;

    public Concert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        title = requireText("title", title);
        venue = requireText("venue", venue);
        schedules = List.copyOf(schedules);
        if (schedules.isEmpty() || schedules.size() > MAX_DATES) {
            throw new CatalogRuleViolation("a concert has between 1 and " + MAX_DATES + " dates, not " + schedules.size());
        }
        Set<LocalDate> dates = new HashSet<>();
        for (Schedule schedule : schedules) {
            if (!dates.add(schedule.date())) {
                throw new CatalogRuleViolation("date " + schedule.date() + " is given more than once");
            }
        }
    }

    /**
     * A new concert. Dates before today (UTC, which is never ahead of the venue's day in Korea) are refused:
     * nobody could book them.
     */
    public static Concert create(String title, String venue, List<Schedule> schedules, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (Schedule schedule : schedules) {
            if (schedule.date().isBefore(today)) {
                throw new CatalogRuleViolation("date " + schedule.date() + " is in the past");
            }
        }
        return new Concert(ConcertId.random(), title, venue, now, schedules);
    }

    public ConcertSummary summary() {
        return new ConcertSummary(id, title, venue);
    }

    private static String requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new CatalogRuleViolation(name + " must not be blank");
        }
        String text = value.strip();
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new CatalogRuleViolation(name + " must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (!isDisplayable(text)) {
            throw new CatalogRuleViolation(name + " must not contain control characters or broken Unicode");
        }
        return text;
    }

    /**
     * Fans see these texts: control characters (NUL included) have no place in them, and an unpaired surrogate is
     * no character at all (the store's utf8mb4 cannot even hold it).
     */
    private static boolean isDisplayable(String text) {
        return text.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE);
    }
}
