package io.shoudan.terminal;

/** 60.2 批次号: six digits, 000001–999999, incremented by the terminal after each settlement. */
public record BatchNo(int value) {
    public BatchNo {
        if (value < 0 || value > 999_999) {
            throw new IllegalArgumentException("a batch number is 6 digits");
        }
    }

    public static BatchNo parse(String digits) {
        return new BatchNo(SixDigits.parse("batch number", digits));
    }

    public String digits() {
        return SixDigits.format(value);
    }

    @Override
    public String toString() {
        return digits();
    }
}
