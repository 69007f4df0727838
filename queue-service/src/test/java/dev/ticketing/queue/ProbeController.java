package dev.ticketing.queue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A test-only endpoint that exercises the error handling with inputs the real API cannot produce (an unexpected failure). */
@RestController
class ProbeController {

    static final String PATH = "/test/probe";
    static final String SECRET = "internal-detail-that-must-not-leak";

    record Probe(@Min(1) int count) {
    }

    @PostMapping(PATH)
    Probe echo(@Valid @RequestBody Probe probe) {
        if (probe.count() == 13) {
            throw new IllegalStateException(SECRET);
        }
        return probe;
    }
}
