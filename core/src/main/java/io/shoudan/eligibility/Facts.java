package io.shoudan.eligibility;

import io.shoudan.channel.ChannelState;
import io.shoudan.consumer.ConsumerState;
import io.shoudan.merchant.Merchant;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.policy.MethodRule;
import io.shoudan.terminal.Terminal;

import java.time.OffsetDateTime;

/**
 * What one evaluation looks at: the snapshot seen through one method. For an alternative the
 * consumer and the scanned code are left out and there are no installments, as the contract says.
 */
final class Facts {

    final Snapshot snapshot;
    final PaymentMethod method;
    /** The policy's rule for the method; {@code null} when the method is not offered. */
    final MethodRule rule;
    /** The acquirer's state for the method's channel; {@code null} when there is no connection. */
    final ChannelState channel;
    final Money amount;
    final int installments;
    /** {@code null} when no code was scanned or this is an alternative. */
    final String paymentCode;
    /** {@code null} when the consumer is not simulated or this is an alternative. */
    final ConsumerState consumer;

    private Facts(Snapshot snapshot, PaymentMethod method, Money amount, int installments, String paymentCode,
                  ConsumerState consumer) {
        this.snapshot = snapshot;
        this.method = method;
        this.rule = snapshot.policy().rule(method);
        this.channel = snapshot.channel(method.channel());
        this.amount = amount;
        this.installments = installments;
        this.paymentCode = paymentCode;
        this.consumer = consumer;
    }

    static Facts of(Snapshot snapshot, PaymentIntent intent) {
        return new Facts(snapshot, intent.method(), intent.amount(), intent.installments(), intent.paymentCode(),
                snapshot.consumer());
    }

    static Facts alternative(Snapshot snapshot, PaymentMethod method, Money amount) {
        return new Facts(snapshot, method, amount, 0, null, null);
    }

    /**
     * A payment amount is a positive sum; 0.00 or -5.00 is the cashier's typo ({@code OPERATION.INVALID_AMOUNT}),
     * so no rule compares it with a minimum, a limit or the consumer's funds.
     */
    boolean amountIsValid() {
        return amount.isPositive();
    }

    Merchant merchant() {
        return snapshot.merchant();
    }

    Terminal terminal() {
        return snapshot.terminal();
    }

    OffsetDateTime at() {
        return snapshot.at();
    }
}
