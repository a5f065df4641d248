package io.shoudan.merchant;

/** ISO 18245 merchant category code: four digits, e.g. {@code 5411} (grocery stores). */
public record Mcc(int code) implements Comparable<Mcc> {

    public Mcc {
        if (code < 0 || code > 9999) {
            throw new IllegalArgumentException("MCC must be four digits, got " + code);
        }
    }

    public static Mcc parse(String text) {
        if (text == null || text.length() != 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("\"" + text + "\" is not an MCC (four digits)");
        }
        return new Mcc(Integer.parseInt(text));
    }

    @Override
    public int compareTo(Mcc other) {
        return Integer.compare(code, other.code);
    }

    @Override
    public String toString() {
        return String.format("%04d", code);
    }
}
