package io.shoudan.terminal;

import java.util.Arrays;

/**
 * A dotted firmware version compared number by number, so {@code 3.10.0} is newer than
 * {@code 3.9.2}; missing trailing parts count as zero ({@code 3.2} equals {@code 3.2.0}).
 */
public final class FirmwareVersion implements Comparable<FirmwareVersion> {

    private static final int MAX_PARTS = 6;

    private final int[] parts;
    private final String text;

    private FirmwareVersion(int[] parts, String text) {
        this.parts = parts;
        this.text = text;
    }

    public static FirmwareVersion parse(String text) {
        if (text == null || text.isEmpty()) {
            throw notAVersion(text);
        }
        String[] pieces = text.split("\\.", -1);
        if (pieces.length > MAX_PARTS) {
            throw notAVersion(text);
        }
        int[] parts = new int[pieces.length];
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (piece.isEmpty() || piece.length() > 9 || !piece.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw notAVersion(text);
            }
            parts[i] = Integer.parseInt(piece);
        }
        return new FirmwareVersion(parts, text);
    }

    private static IllegalArgumentException notAVersion(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not a version (numbers separated by dots, e.g. \"3.2.0\")");
    }

    public boolean isBefore(FirmwareVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(FirmwareVersion other) {
        int length = Math.max(parts.length, other.parts.length);
        for (int i = 0; i < length; i++) {
            int mine = i < parts.length ? parts[i] : 0;
            int theirs = i < other.parts.length ? other.parts[i] : 0;
            if (mine != theirs) {
                return Integer.compare(mine, theirs);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FirmwareVersion other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        int end = parts.length;
        while (end > 0 && parts[end - 1] == 0) {
            end--;
        }
        return Arrays.hashCode(Arrays.copyOf(parts, end));
    }

    @Override
    public String toString() {
        return text;
    }
}
