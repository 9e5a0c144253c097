package org.gongzu.benchmark;

import java.util.Arrays;

/** Timings of repeated calls in milliseconds, and their percentiles. */
final class Percentiles {

    private final double[] millis;

    Percentiles(double[] millis) {
        this.millis = millis.clone();
        Arrays.sort(this.millis);
    }

    /** Times {@code iterations} calls after {@code warmUp} untimed ones. */
    static Percentiles measure(int warmUp, int iterations, Runnable call) {
        for (int i = 0; i < warmUp; i++) {
            call.run();
        }
        double[] millis = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Percentiles(millis);
    }

    int count() {
        return millis.length;
    }

    /** Nearest-rank percentile. */
    double p(double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * millis.length);
        return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
    }

    @Override
    public String toString() {
        return String.format("p50 %.1f ms, p95 %.1f ms, max %.1f ms", p(50), p(95), millis[millis.length - 1]);
    }
}
