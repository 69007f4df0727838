package dev.ticketing.queue.waiting.adapter.web;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import dev.ticketing.queue.waiting.application.ControllingAdmission;
import dev.ticketing.queue.waiting.application.TokenActivity;
import dev.ticketing.queue.waiting.application.TrackingActivity;
import dev.ticketing.queue.waiting.domain.BookingPathWindow;

/**
 * Service to service (not routed by the gateway): gateways report requests made with ACTIVE tokens and the booking
 * path's figures, which the admission controller follows. A report without the figures (an older gateway) only
 * tracks activity.
 */
@RestController
class InternalActivityController {

    private final TrackingActivity tracking;
    private final ControllingAdmission admission;

    InternalActivityController(TrackingActivity tracking, ControllingAdmission admission) {
        this.tracking = tracking;
        this.admission = admission;
    }

    @PostMapping("/internal/v1/queue/activity")
    Mono<ResponseEntity<Void>> report(@Valid @RequestBody ActivityReport report) {
        return tracking.record(report.requests().stream()
                        .map(request -> new TokenActivity(request.tokenId(), request.at()))
                        .toList())
                .then(report.booking() == null ? Mono.empty() : admission.reported(BookingPathWindow.reported(
                        report.booking().requests(), report.booking().shed(), report.booking().latencyMillis())))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
