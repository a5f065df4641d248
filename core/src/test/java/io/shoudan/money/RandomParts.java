package io.shoudan.money;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A whole amount cut at random into parts that add up to it, for properties over partial refunds and shares. */
public final class RandomParts {

    private RandomParts() {
    }

    /**
     * Up to {@code count} positive parts of {@code wholeFen} (fewer when it has fewer fen), in fen, that add up to it;
     * the same {@code seed} gives the same parts.
     */
    public static List<Long> of(long wholeFen, int count, long seed) {
        Random random = new Random(seed);
        List<Long> parts = new ArrayList<>();
        long left = wholeFen;
        for (int i = 0; i < count - 1 && left > 1; i++) {
            long part = 1 + random.nextLong(left - 1);
            parts.add(part);
            left -= part;
        }
        parts.add(left);
        return parts;
    }
}
