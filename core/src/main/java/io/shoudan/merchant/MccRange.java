package io.shoudan.merchant;

/** An inclusive range of MCCs as written in a policy: {@code "5944"} or {@code "6010-6012"}. */
public record MccRange(Mcc low, Mcc high) {

    public MccRange {
        if (low.compareTo(high) > 0) {
            throw new IllegalArgumentException("MCC range " + low + "-" + high + " runs backwards");
        }
    }

    public static MccRange parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("null is not an MCC or an MCC range");
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            Mcc single = Mcc.parse(text);
            return new MccRange(single, single);
        }
        Mcc low;
        Mcc high;
        try {
            low = Mcc.parse(text.substring(0, dash));
            high = Mcc.parse(text.substring(dash + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an MCC or an MCC range like \"6010-6012\"", e);
        }
        return new MccRange(low, high);
    }

    public boolean contains(Mcc mcc) {
        return mcc.code() >= low.code() && mcc.code() <= high.code();
    }

    @Override
    public String toString() {
        return low.equals(high) ? low.toString() : low + "-" + high;
    }
}
