package no.samrad.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians, percentiles and spreads of repeated measurements. */
final class Stats {

    private Stats() {
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The spread of rounds: lowest to highest, as "min–max". */
    static String spread(List<Double> rounds, String format) {
        double min = rounds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = rounds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, format, min) + "–" + String.format(Locale.ROOT, format, max);
    }

    /** Latencies of one round, in milliseconds. */
    static final class Latencies {
        private final List<Double> millis = new ArrayList<>();

        synchronized void add(long nanos) {
            millis.add(nanos / 1_000_000.0);
        }

        synchronized double[] values() {
            return millis.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
