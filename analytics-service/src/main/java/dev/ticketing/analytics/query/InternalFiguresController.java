package dev.ticketing.analytics.query;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.analytics.figures.ConcertFigures;

/**
 * Instance to instance, not routed by the gateway: the figures this instance itself holds, for the instance a
 * client asked ({@link FiguresQuery}).
 */
@RestController
@RequestMapping(InternalFiguresController.PATH)
class InternalFiguresController {

    static final String PATH = "/internal/v1/analytics/concerts";

    private final FiguresQuery query;

    InternalFiguresController(FiguresQuery query) {
        this.query = query;
    }

    @GetMapping
    List<ConcertFigures> local() {
        return LocalStores.all(query.streams());
    }

    @GetMapping("/{concertId}")
    ResponseEntity<LocalFigures> local(@PathVariable String concertId, @RequestParam Instant from,
                                       @RequestParam Instant to) {
        return ResponseEntity.of(LocalStores.concert(query.streams(), concertId, from, to));
    }
}
