package dev.ticketing.concert.catalog.adapter.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.concert.catalog.application.ListingConcerts;

/** The public catalog. */
@RestController
@RequestMapping("/api/v1/concerts")
class ConcertController {

    private final ListingConcerts listing;

    ConcertController(ListingConcerts listing) {
        this.listing = listing;
    }

    @GetMapping
    List<ConcertResponse> list() {
        return listing.all().stream()
                .map(summary -> new ConcertResponse(summary.id().toString(), summary.title(), summary.venue()))
                .toList();
    }

    record ConcertResponse(String concertId, String title, String venue) {
    }
}
