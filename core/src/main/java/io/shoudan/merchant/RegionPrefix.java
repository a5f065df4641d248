package io.shoudan.merchant;

/** A region rule: a province ({@code "65"}), a city ({@code "3101"}) or a district ({@code "310115"}). */
public record RegionPrefix(String value) {

    public RegionPrefix {
        if (!(isDigits(value, 2) || isDigits(value, 4) || isDigits(value, 6))) {
            throw new IllegalArgumentException("\"" + value + "\" is not a region prefix (2, 4 or 6 digits of a GB/T 2260 code)");
        }
    }

    public boolean covers(RegionCode region) {
        return region.value().startsWith(value);
    }

    static boolean isDigits(String text, int length) {
        if (text == null || text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
