package dev.ticketing.queue.waiting.adapter.web;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import dev.ticketing.queue.waiting.application.TokenActivity;
import dev.ticketing.queue.waiting.application.TrackingActivity;

/** Service to service (not routed by the gateway): gateways report requests made with ACTIVE tokens. */
@RestController
class InternalActivityController {

    private final TrackingActivity tracking;

    InternalActivityController(TrackingActivity tracking) {
        this.tracking = tracking;
    }

    @PostMapping("/internal/v1/queue/activity")
    Mono<ResponseEntity<Void>> report(@Valid @RequestBody ActivityReport report) {
        return tracking.record(report.requests().stream()
                        .map(request -> new TokenActivity(request.tokenId(), request.at()))
                        .toList())
                .thenReturn(ResponseEntity.noContent().build());
    }
}
