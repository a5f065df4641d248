package io.shoudan.sandbox.unionpay;

import io.shoudan.money.Money;
import io.shoudan.sandbox.consumer.Pin;
import java.util.Objects;

/**
 * A card sale (消费, 0200 / 000000 / 60.1 = 22). {@code pan} is field 2 (or from track 2);
 * {@code pin} is what the host recovers from field 52 — null when no PIN was entered.
 */
public record CardSaleRequest(TerminalRef terminal, String pan, Pin pin, Money amount) {

    public CardSaleRequest {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(pan, "pan");
        Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String toString() {
        return "CardSaleRequest[" + terminal + ", pan=" + UnionPaySimulator.mask(pan) + ", pin=" + (pin == null ? "none" : "****")
                + ", amount=" + amount + "]";
    }
}
