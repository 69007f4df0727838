package dev.ticketing.analytics.figures;

import java.util.ArrayList;
import java.util.List;

/**
 * How long fans took from joining the line to paying, as a histogram over fixed bounds (seconds), the way
 * Prometheus keeps one: percentiles are estimated within a bucket, as {@code histogram_quantile} does.
 *
 * @param counts purchases per bucket, not cumulative; the last one is above the highest bound
 */
public record JoinToPurchase(List<Long> counts, long count, double sumSeconds) {

    /** Upper bounds of the buckets, in seconds; one more bucket holds everything longer. */
    public static final List<Double> BOUNDS = List.of(10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0);

    public static JoinToPurchase none() {
        List<Long> zeros = new ArrayList<>();
        for (int i = 0; i <= BOUNDS.size(); i++) {
            zeros.add(0L);
        }
        return new JoinToPurchase(List.copyOf(zeros), 0, 0);
    }

    public JoinToPurchase plus(double seconds) {
        int bucket = 0;
        while (bucket < BOUNDS.size() && seconds > BOUNDS.get(bucket)) {
            bucket++;
        }
        List<Long> next = new ArrayList<>(counts);
        next.set(bucket, next.get(bucket) + 1);
        return new JoinToPurchase(List.copyOf(next), count + 1, sumSeconds + seconds);
    }

    /** Purchases that took at most {@code BOUNDS.get(bucket)} seconds (every one for the last bucket). */
    public long cumulative(int bucket) {
        long total = 0;
        for (int i = 0; i <= bucket; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** The q-quantile in seconds, interpolated within its bucket; null without purchases. */
    public Double quantile(double q) {
        if (count == 0) {
            return null;
        }
        double rank = q * count;
        double lower = 0;
        for (int bucket = 0; bucket < BOUNDS.size(); bucket++) {
            long below = bucket == 0 ? 0 : cumulative(bucket - 1);
            long inBucket = counts.get(bucket);
            double upper = BOUNDS.get(bucket);
            if (below + inBucket >= rank && inBucket > 0) {
                return lower + (upper - lower) * (rank - below) / inBucket;
            }
            lower = upper;
        }
        return BOUNDS.getLast(); // in the open bucket: as histogram_quantile, the highest finite bound
    }

    public double meanSeconds() {
        return count == 0 ? 0 : sumSeconds / count;
    }
}
