package io.shoudan.sandbox.unionpay;

import io.shoudan.money.Money;
import java.util.Objects;

/**
 * A refund (退货, 0220 / 200000 / 60.1 = 25) of part or all of an earlier sale of the same merchant,
 * identified by the original's retrieval reference number (field 37).
 */
public record RefundRequest(TerminalRef terminal, String originalRrn, Money amount) {

    public RefundRequest {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(originalRrn, "originalRrn");
        Objects.requireNonNull(amount, "amount");
    }
}
