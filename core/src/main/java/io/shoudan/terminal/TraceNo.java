package io.shoudan.terminal;

/** Field 11 受卡方系统跟踪号 (the voucher number 凭证号): six digits, wrapping after 999999. */
public record TraceNo(int value) {
    public TraceNo {
        if (value < 0 || value > 999_999) {
            throw new IllegalArgumentException("a trace number is 6 digits");
        }
    }

    public static TraceNo parse(String digits) {
        return new TraceNo(SixDigits.parse("trace number", digits));
    }

    /** The next trace number a terminal uses: 000001 after 999999 (000000 is never used). */
    public TraceNo next() {
        return new TraceNo(value >= 999_999 ? 1 : value + 1);
    }

    public String digits() {
        return SixDigits.format(value);
    }

    @Override
    public String toString() {
        return digits();
    }
}
