package io.shoudan.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The slow sales of an open-loop run, grouped into episodes: a sale over the threshold that was due within
 * {@code gapSeconds} of the previous slow one belongs to the same episode. A tail made of episodes that start at a
 * steady spacing points at something periodic (a timer, a collector), one made of single sales at scattered moments
 * at the sale itself; the median spacing between episode starts tells them apart.
 *
 * @param thresholdNanos a sale slower than this is slow
 * @param gapSeconds slow sales due less than this apart belong to one episode
 * @param episodes in the order they started
 */
record StallEpisodes(long thresholdNanos, double gapSeconds, List<Episode> episodes) {

    /**
     * @param startSeconds when the episode's first slow sale was due, from the start of the run
     * @param sales slow sales in it
     * @param worstNanos the slowest of them
     */
    record Episode(double startSeconds, int sales, long worstNanos) {
    }

    StallEpisodes {
        episodes = List.copyOf(episodes);
    }

    /**
     * @param latencyNs each sale's latency, in the order the sales were due
     * @param rate sales due a second, evenly spaced
     */
    static StallEpisodes of(long[] latencyNs, double rate, long thresholdNanos, double gapSeconds) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate " + rate + " is not positive");
        }
        List<Episode> episodes = new ArrayList<>();
        double lastSlow = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < latencyNs.length; i++) {
            if (latencyNs[i] <= thresholdNanos) {
                continue;
            }
            double due = i / rate;
            if (!episodes.isEmpty() && due - lastSlow < gapSeconds) {
                Episode open = episodes.removeLast();
                episodes.add(new Episode(open.startSeconds(), open.sales() + 1, Math.max(open.worstNanos(), latencyNs[i])));
            } else {
                episodes.add(new Episode(due, 1, latencyNs[i]));
            }
            lastSlow = due;
        }
        return new StallEpisodes(thresholdNanos, gapSeconds, episodes);
    }

    int slowSales() {
        return episodes.stream().mapToInt(Episode::sales).sum();
    }

    /** The median time between the starts of consecutive episodes; NaN with fewer than two. */
    double medianSpacingSeconds() {
        if (episodes.size() < 2) {
            return Double.NaN;
        }
        double[] spacing = new double[episodes.size() - 1];
        for (int i = 1; i < episodes.size(); i++) {
            spacing[i - 1] = episodes.get(i).startSeconds() - episodes.get(i - 1).startSeconds();
        }
        Arrays.sort(spacing);
        int middle = spacing.length / 2;
        return spacing.length % 2 == 1 ? spacing[middle] : (spacing[middle - 1] + spacing[middle]) / 2;
    }

    String summary() {
        long worst = episodes.stream().mapToLong(Episode::worstNanos).max().orElse(0);
        return String.format(Locale.ROOT, "stalls (sales over %.0f ms, due under %.0f ms apart): %d episodes, %d sales, "
                        + "median %.3f s between starts, worst %.1f ms",
                thresholdNanos / 1e6, gapSeconds * 1e3, episodes.size(), slowSales(), medianSpacingSeconds(), worst / 1e6);
    }
}
