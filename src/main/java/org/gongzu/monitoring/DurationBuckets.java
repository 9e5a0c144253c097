package org.gongzu.monitoring;

import java.util.Map;
import java.util.TreeMap;

/**
 * Durations in logarithmic buckets, for the percentiles of long windows (ADR 0021): bucket 0 holds
 * durations under a second, bucket b ≥ 1 those from 1.1^(b-1) to 1.1^b seconds, so a bucket is 10 %
 * wide and a percentile read from the buckets is within 10 % of the exact one (interpolated inside
 * its bucket, usually much closer).
 */
final class DurationBuckets {

    static final double RATIO = 1.1;
    private static final double LOG_RATIO = Math.log(RATIO);

    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private long total;

    static int of(long durationMs) {
        if (durationMs < 1000) {
            return 0;
        }
        int bucket = 1 + (int) Math.floor(Math.log(durationMs / 1000.0) / LOG_RATIO);
        // guard the edges against rounding of the logarithm
        if (durationMs < lower(bucket)) {
            bucket--;
        } else if (durationMs >= lower(bucket + 1)) {
            bucket++;
        }
        return bucket;
    }

    /** The smallest duration (ms) of a bucket. */
    static double lower(int bucket) {
        return bucket == 0 ? 0 : 1000 * Math.pow(RATIO, bucket - 1);
    }

    void add(int bucket, long count) {
        counts.merge(bucket, count, Long::sum);
        total += count;
    }

    void addAll(DurationBuckets other) {
        other.counts.forEach(this::add);
    }

    long total() {
        return total;
    }

    /**
     * The p-quantile (0 to 1) as {@code percentile_cont} would place it (rank p·(n−1) among the sorted
     * durations), interpolated inside the bucket that holds that rank: linearly in bucket 0,
     * geometrically above it. Null when empty.
     */
    Double quantile(double p) {
        if (total == 0) {
            return null;
        }
        double rank = p * (total - 1);
        long before = 0;
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            long n = entry.getValue();
            if (rank < before + n) {
                double inside = (rank - before + 0.5) / n;
                int bucket = entry.getKey();
                return bucket == 0 ? 1000 * inside : lower(bucket) * Math.pow(RATIO, inside);
            }
            before += n;
        }
        int last = counts.lastKey();
        return last == 0 ? 1000.0 : lower(last + 1);
    }
}
