package dev.ticketing.queue.waiting.application;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import dev.ticketing.queue.config.AdmissionControlProperties;
import dev.ticketing.queue.config.QueueProperties;
import dev.ticketing.queue.waiting.domain.AdmissionControl;
import dev.ticketing.queue.waiting.domain.AdmissionControl.Adjustment;
import dev.ticketing.queue.waiting.domain.AdmissionControl.Direction;
import dev.ticketing.queue.waiting.domain.AdmissionLimit;
import dev.ticketing.queue.waiting.domain.AdmissionReason;
import dev.ticketing.queue.waiting.domain.BookingPathWindow;
import reactor.core.publisher.Mono;

/**
 * Use case: admission follows what the booking path can take. Gateways report the booking path's figures with their
 * activity; each admission cycle asks for the limit, and whichever instance's cycle is first after a control
 * interval takes the step ({@link AdmissionControl}), so the limit moves at the same pace with any number of
 * instances. Turned off, the limit is always the ceiling.
 */
@Service
public class ControllingAdmission {

    private static final Logger log = LoggerFactory.getLogger(ControllingAdmission.class);

    private final AdmissionSignals signals;
    private final AdmissionControl control;
    private final boolean enabled;
    private final int admitsPerCycle;
    private final QueueMetrics metrics;
    private final Clock clock;

    /** Spring's way in: the controller for the configured ceiling, on or off as configured. */
    @Autowired
    public ControllingAdmission(AdmissionSignals signals, QueueProperties queue, AdmissionControlProperties settings,
                                QueueMetrics metrics, Clock clock) {
        this(signals, settings.control(queue.maxActive()), settings.enabled(),
                settings.admitsPerCycle(queue.maxActive()), metrics, clock);
    }

    public ControllingAdmission(AdmissionSignals signals, AdmissionControl control, boolean enabled,
                                int admitsPerCycle, QueueMetrics metrics, Clock clock) {
        if (admitsPerCycle < 1) {
            throw new IllegalArgumentException("a cycle admits at least 1, was " + admitsPerCycle);
        }
        this.signals = signals;
        this.control = control;
        this.enabled = enabled;
        this.admitsPerCycle = admitsPerCycle;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The most one admission cycle admits to one concert's line. The limit says how many may be ACTIVE; this says how
     * fast a line gets there, so that a concert that opens to a crowd, or whose ACTIVE fans all leave at once, is
     * filled over several cycles and the gateways report the booking path's answer before the whole limit is in.
     * Steady admission (places freed a few at a time) stays under it.
     */
    public int admitsPerCycle() {
        return admitsPerCycle;
    }

    /** A gateway's booking-path figures for its last report window. */
    public Mono<Void> reported(BookingPathWindow report) {
        return signals.record(report, clock.instant());
    }

    /** The limit for this admission cycle, after a control step if one is due. */
    public Mono<AdmissionLimit> currentLimit() {
        if (!enabled) {
            AdmissionLimit ceiling = new AdmissionLimit(control.ceiling(), AdmissionReason.CEILING);
            metrics.admissionLimit(ceiling);
            return Mono.just(ceiling);
        }
        Instant now = clock.instant();
        return signals.take(now, control.interval()).flatMap(turn -> {
            AdmissionLimit stored = control.bounded(turn.stored().orElseGet(control::initial));
            if (!turn.due()) {
                return Mono.just(stored);
            }
            Adjustment adjustment = control.next(stored, turn.window(), turn.lastReportAt(), now);
            metrics.admissionAdjusted(adjustment);
            if (adjustment.direction() != Direction.HOLD) {
                log.info("admission_limit limit={} was={} reason={} requests={} shed={} latency_ms={} reports={}",
                        adjustment.limit().limit(), stored.limit(), adjustment.limit().reason().tag(),
                        turn.window().requests(), turn.window().shed(), turn.window().latencyMillis(),
                        turn.window().reports());
            }
            return signals.settle(turn, adjustment.limit()).thenReturn(adjustment.limit());
        }).doOnNext(metrics::admissionLimit);
    }
}
