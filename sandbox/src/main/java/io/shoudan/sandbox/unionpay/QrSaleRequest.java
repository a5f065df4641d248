package io.shoudan.sandbox.unionpay;

import io.shoudan.money.Money;
import java.util.Objects;

/** A UnionPay QR sale: the terminal scanned the consumer's 19-digit code starting 62. */
public record QrSaleRequest(TerminalRef terminal, String qrCode, Money amount) {

    public QrSaleRequest {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(qrCode, "qrCode");
        Objects.requireNonNull(amount, "amount");
    }
}
