package dev.ticketing.loadtests;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Response times per step, kept whole and ranked once the run is over, so that p50/p99 per step can be printed as
 * [benchmark] lines (Gatling's console summary has the global line only). A few hundred thousand answers per run
 * at most: a plain list per step is enough.
 */
final class StepTimes {

    private final Map<String, Queue<Integer>> millis = new ConcurrentHashMap<>();

    void record(String step, int responseMillis) {
        millis.computeIfAbsent(step, key -> new ConcurrentLinkedQueue<>()).add(responseMillis);
    }

    /** One line per step, in the order given; a step without answers says so. */
    void print(List<String> steps) {
        for (String step : steps) {
            Queue<Integer> answered = millis.get(step);
            if (answered == null || answered.isEmpty()) {
                System.out.printf("[benchmark]   %-12s no answers%n", step);
                continue;
            }
            int[] ranked = answered.stream().mapToInt(Integer::intValue).sorted().toArray();
            System.out.printf("[benchmark]   %-12s p50 %6d ms   p99 %6d ms   max %6d ms   (%d answers)%n", step,
                    percentile(ranked, 50), percentile(ranked, 99), ranked[ranked.length - 1], ranked.length);
        }
    }

    /** Nearest-rank percentile of a sorted, non-empty array. */
    private static int percentile(int[] ranked, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * ranked.length);
        return ranked[Math.max(0, rank - 1)];
    }
}
