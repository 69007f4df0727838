package dev.ticketing.systemtests;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** How long each phase of a scenario took, printed with the test output so a slow run shows where its time went. */
final class PhaseClock {

    private final String scenario;
    private final long started = System.nanoTime();
    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private long phaseStarted = started;

    PhaseClock(String scenario) {
        this.scenario = scenario;
    }

    void ended(String phase) {
        long now = System.nanoTime();
        phases.put(phase, Duration.ofNanos(now - phaseStarted));
        phaseStarted = now;
    }

    @Override
    public String toString() {
        return "[timing] " + scenario + " " + phases.entrySet().stream()
                .map(phase -> phase.getKey() + "=" + seconds(phase.getValue()))
                .collect(Collectors.joining(" ")) + " total=" + seconds(Duration.ofNanos(phaseStarted - started));
    }

    private static String seconds(Duration duration) {
        return String.format("%.1fs", duration.toMillis() / 1000.0);
    }
}
