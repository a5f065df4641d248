package io.shoudan.store.idempotency;

import io.shoudan.terminal.TerminalSn;

import java.util.regex.Pattern;

/**
 * What identifies a request within one merchant: a terminal's (serial, batch, trace) or the
 * merchant's own {@code out_trade_no}. Built through the factories so the two never collide.
 */
public record RequestKey(String value) {

    private static final Pattern FORM = Pattern.compile("[\\x21-\\x7E]{1,128}");

    public RequestKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + value + "\" is not a request key (1-128 printable ASCII characters)");
        }
    }

    /** A terminal's message: the terminal, its batch number and its trace (audit) number. */
    public static RequestKey terminal(TerminalSn sn, int batchNo, int traceNo) {
        if (batchNo < 0 || traceNo < 0) {
            throw new IllegalArgumentException("batch and trace numbers are not negative, got " + batchNo + "/" + traceNo);
        }
        return new RequestKey("T:" + sn.value() + ":" + batchNo + ":" + traceNo);
    }

    /** A merchant system's order number. */
    public static RequestKey outTradeNo(String outTradeNo) {
        if (outTradeNo == null || outTradeNo.isEmpty() || outTradeNo.length() > 64) {
            throw new IllegalArgumentException("an out_trade_no is 1-64 characters, got \"" + outTradeNo + "\"");
        }
        return new RequestKey("O:" + outTradeNo);
    }

    @Override
    public String toString() {
        return value;
    }
}
