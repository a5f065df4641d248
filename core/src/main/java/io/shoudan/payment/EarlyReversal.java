package io.shoudan.payment;

import io.shoudan.money.Money;

import java.time.Instant;

/**
 * A reversal (冲正, 0400) that arrived before the sale it reverses: the terminal got no answer and reversed, and its
 * sale is still on the way (or never left). Stored durably under the sale's own key ({@link Operation#REVERSAL}),
 * so that the sale, when it arrives, is ended REVERSED without reaching a channel.
 *
 * @param original the sale's key: the merchant and the sale's request id (a terminal's terminal, batch and trace)
 * @param reversal the reversal's own request id
 * @param amount   the amount the reversal carried (field 4): what the terminal believes the sale was
 */
public record EarlyReversal(IdempotencyKey original, RequestId reversal, Money amount, Instant notedAt) {

    public EarlyReversal {
        if (original == null || reversal == null || amount == null || notedAt == null) {
            throw new IllegalArgumentException("an early reversal needs the original's key, its own id, the amount and when it was noted");
        }
    }
}
