package dev.ticketing.concert.catalog.domain;

/** What a listing of concerts shows of each concert. */
public record ConcertSummary(ConcertId id, String title, String venue) {
}
