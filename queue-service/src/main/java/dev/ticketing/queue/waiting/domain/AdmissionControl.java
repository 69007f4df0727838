package dev.ticketing.queue.waiting.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The admission controller (AIMD, as TCP's congestion window): the limit on ACTIVE fans per concert follows what
 * the booking path can take. Every {@code interval} it looks at the gateways' reports since its previous step: a
 * shed rate above {@code shedThreshold} or a latency above {@code latencyTarget} cuts the limit to
 * {@code decrease} × itself; a healthy path adds {@code increase}. The limit stays within {@code [floor, ceiling]},
 * the ceiling being {@code QUEUE_MAX_ACTIVE}; without any report for {@code signalTimeout} it is the ceiling, which
 * is how admission works without a controller.
 *
 * <p>A path that carried nothing since the previous step (the gateways reported, with no booking request) says
 * nothing about what it can take, so the limit goes to {@code restart}: down at once from above, up by
 * {@code increase} per step from below, as TCP restarts its window after an idle spell (RFC 5681, 4.1). An on-sale
 * therefore opens with {@code restart} fans booking, not the ceiling's worth admitted into the crowd's first
 * seconds, and grows from there while the path stays healthy. With {@code restart} at the ceiling an idle path
 * grows to the ceiling, as a healthy one does.
 *
 * <p>Why a limit on ACTIVE fans rather than on admissions per interval: the booking load comes from the fans who
 * are ACTIVE, so a smaller limit lowers it as soon as fans leave, and the admitted rate follows (limit ÷ time
 * spent ACTIVE). Why AIMD rather than a latency gradient: the signal is coarse (one report per gateway every few
 * seconds), and additive growth with multiplicative cuts converges with any number of instances and needs no
 * model of the booking path's capacity.
 */
public record AdmissionControl(int ceiling, int floor, int restart, int increase, double decrease,
                               Duration latencyTarget, double shedThreshold, Duration interval,
                               Duration signalTimeout) {

    public AdmissionControl {
        if (floor < 1 || floor > ceiling) {
            throw new IllegalArgumentException("need 1 <= floor <= ceiling, was " + floor + " / " + ceiling);
        }
        if (restart < floor || restart > ceiling) {
            throw new IllegalArgumentException("need floor <= restart <= ceiling, was " + floor + " / " + restart
                    + " / " + ceiling);
        }
        if (increase < 1) {
            throw new IllegalArgumentException("the increase is at least 1, was " + increase);
        }
        if (!(decrease > 0 && decrease < 1)) {
            throw new IllegalArgumentException("the decrease factor is between 0 and 1 (exclusive), was " + decrease);
        }
        if (!(shedThreshold >= 0 && shedThreshold < 1)) {
            throw new IllegalArgumentException("the shed threshold is a share in [0, 1), was " + shedThreshold);
        }
        requirePositive(latencyTarget, "latencyTarget");
        requirePositive(interval, "interval");
        requirePositive(signalTimeout, "signalTimeout");
        if (signalTimeout.compareTo(interval) < 0) {
            throw new IllegalArgumentException("the signal timeout is at least the interval");
        }
    }

    /** Before any step: the ceiling, as without a controller. */
    public AdmissionLimit initial() {
        return new AdmissionLimit(ceiling, AdmissionReason.NO_SIGNAL);
    }

    /** A limit within the bounds (they may have changed since it was stored). */
    public AdmissionLimit bounded(AdmissionLimit limit) {
        int bounded = Math.clamp(limit.limit(), floor, ceiling);
        return bounded == limit.limit() ? limit : new AdmissionLimit(bounded, limit.reason());
    }

    /**
     * One step.
     *
     * @param current      the limit now
     * @param window       the reports received since the previous step (none: {@link BookingPathWindow#NONE})
     * @param lastReportAt when the latest report arrived, if ever
     */
    public Adjustment next(AdmissionLimit current, BookingPathWindow window, Optional<Instant> lastReportAt,
                           Instant now) {
        AdmissionLimit from = bounded(Objects.requireNonNull(current, "current"));
        boolean silent = lastReportAt.map(at -> Duration.between(at, now).compareTo(signalTimeout) > 0).orElse(true);
        if (silent) {
            return to(from, ceiling, AdmissionReason.NO_SIGNAL);
        }
        if (window.reports() == 0) {
            // Reports arrive every few seconds per gateway: a step between two of them keeps what it has.
            return to(from, from.limit(), from.reason());
        }
        if (window.requests() == 0) {
            int toward = from.limit() > restart ? restart : Math.min(restart, from.limit() + increase);
            return to(from, toward, AdmissionReason.IDLE);
        }
        if (window.shedRate() > shedThreshold) {
            return to(from, cut(from.limit()), AdmissionReason.SHED);
        }
        if (window.latencyMillis() > latencyTarget.toMillis()) {
            return to(from, cut(from.limit()), AdmissionReason.LATENCY);
        }
        int raised = Math.min(ceiling, from.limit() + increase);
        return to(from, raised, raised == ceiling ? AdmissionReason.CEILING : AdmissionReason.HEALTHY);
    }

    private int cut(int limit) {
        return Math.max(floor, (int) Math.floor(limit * decrease));
    }

    private static Adjustment to(AdmissionLimit from, int limit, AdmissionReason reason) {
        Direction direction = limit > from.limit() ? Direction.UP : limit < from.limit() ? Direction.DOWN
                : Direction.HOLD;
        return new Adjustment(new AdmissionLimit(limit, reason), direction);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
        }
    }

    /** The limit after a step and which way it went. */
    public record Adjustment(AdmissionLimit limit, Direction direction) {
    }

    public enum Direction {
        UP, DOWN, HOLD;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
