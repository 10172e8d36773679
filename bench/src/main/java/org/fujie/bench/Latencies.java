package org.fujie.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, appended by one thread, merged and summarised after the run. */
public final class Latencies {

    private long[] values = new long[1 << 14];
    private int size;

    public void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public int size() {
        return size;
    }

    public static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.values[i]);
            }
        }
        Arrays.sort(all.values, 0, all.size);
        return all;
    }

    /** The q-quantile (0..1) in milliseconds, nearest rank, of a merged (sorted) set; 0 if empty. */
    public double quantileMillis(double q) {
        if (size == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * size);
        return values[Math.min(size - 1, Math.max(0, rank - 1))] / 1e6;
    }

    public double maxMillis() {
        return size == 0 ? 0 : values[size - 1] / 1e6;
    }

    public double meanMillis() {
        if (size == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size / 1e6;
    }
}
