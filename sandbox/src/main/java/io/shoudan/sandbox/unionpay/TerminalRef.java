package io.shoudan.sandbox.unionpay;

import java.util.Objects;

/**
 * Who sends a host message: field 42 (merchant id, 15 characters) and field 41 (terminal id, 8),
 * with field 11 (system trace audit number, 6 digits) identifying the message on that terminal.
 */
public record TerminalRef(String merchantId, String terminalId, String stan) {

    public TerminalRef {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(stan, "stan");
        if (!stan.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("field 11 is 6 digits: \"" + stan + "\"");
        }
    }
}
