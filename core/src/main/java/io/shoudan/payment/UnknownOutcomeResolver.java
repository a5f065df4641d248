package io.shoudan.payment;

import io.shoudan.ledger.Journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The unknown-outcome protocol for a payment in UNKNOWN: query on the channel's schedule ({@link RecoveryPlan}); a
 * query that finds it paid or closed settles it; otherwise cancel/reverse, retried; REVERSED once a cancel succeeds.
 * If even the cancels fail it stays UNKNOWN for the next recovery run ({@link Recovery}).
 *
 * <p>Each query and cancel is made under the payment's claim, extended before it; if it can no longer be, this node
 * stops and answers with the payment as stored: the node that holds it now is settling it.
 */
record UnknownOutcomeResolver(StoredPayments stored, Gateways gateways, Clock clock, Pause pause) {

    /** @param queryAtOnce query before the first delay (recovery: the payment is already old) */
    SaleOutcome resolve(Payment payment, ChannelGateway gateway, PaymentClaim claim, boolean queryAtOnce) {
        RecoveryPlan plan = gateways.plan(gateway);
        TradeRef trade = TradeRef.of(payment);
        List<Duration> delays = new ArrayList<>(plan.queryDelays());
        if (queryAtOnce) {
            delays.addFirst(Duration.ZERO);
        }
        for (Duration delay : delays) {
            if (!claim.coverNext(delay)) {
                return leftToTheClaimsHolder(payment);
            }
            if (!pause.pause(delay)) {
                return SaleOutcome.of(payment);
            }
            ChannelAnswer answer = GuardedChannel.query(gateway, trade);
            Instant now = clock.instant();
            switch (answer) {
                case ChannelAnswer.Paid paid -> {
                    // A query that overran its step may find it paid while the node that took the lapsed claim over
                    // cancels it: only the claim's holder writes SUCCEEDED. (Closed stays closed, whoever writes it.)
                    return claim.coverNext(Duration.ZERO) ? SaleOutcome.of(stored.succeed(payment, paid, now)) : leftToTheClaimsHolder(payment);
                }
                case ChannelAnswer.Refused refused -> {
                    return SaleOutcome.of(stored.fail(payment, refused, now));
                }
                case ChannelAnswer.Pending pending -> {
                    // still unknown: next query
                }
            }
        }
        return cancel(payment, gateway, claim);
    }

    /** Cancels/reverses an unresolved payment at its channel, retried on the channel's plan; REVERSED once one gets through. */
    SaleOutcome cancel(Payment payment, ChannelGateway gateway, PaymentClaim claim) {
        RecoveryPlan plan = gateways.plan(gateway);
        TradeRef trade = TradeRef.of(payment);
        for (int attempt = 1; attempt <= plan.cancelAttempts(); attempt++) {
            Duration wait = attempt > 1 ? plan.cancelRetryDelay() : Duration.ZERO;
            if (!claim.coverNext(wait)) {
                return leftToTheClaimsHolder(payment);
            }
            if (!pause.pause(wait)) {
                return SaleOutcome.of(payment);
            }
            CancelAnswer answer = GuardedChannel.cancel(gateway, trade);
            if (answer instanceof CancelAnswer.Cancelled cancelled) {
                Instant now = clock.instant();
                Payment reversed = payment.reversed(now, cancelled.raw(), cancelled.moneyReturned());
                List<Journal> journals = cancelled.moneyReturned() ? Bookkeeping.reversalOfTakenMoney(reversed, now) : List.of();
                return SaleOutcome.of(stored.commit(reversed, journals));
            }
        }
        return SaleOutcome.of(payment);
    }

    /**
     * Acts on an unresolved payment a sale left: a PROCESSING one is first stored UNKNOWN with {@code why} as its
     * raw code; if another node changed it first, that node's state is the answer and nothing is done.
     */
    SaleOutcome asUnknown(Payment payment, String why, Function<Payment, SaleOutcome> then) {
        if (payment.state() != PaymentState.PROCESSING) {
            return then.apply(payment);
        }
        Payment unknown = payment.unknown(clock.instant(), new RawCode(why));
        Payment written = stored.commit(unknown, List.of());
        return written == unknown ? then.apply(unknown) : SaleOutcome.of(written);
    }

    /** The answer of a node that lost its claim on {@code payment}: the payment as stored, or as it knows it if the store is away. */
    private SaleOutcome leftToTheClaimsHolder(Payment payment) {
        try {
            return SaleOutcome.of(stored.current(payment));
        } catch (RuntimeException storeAway) {
            return SaleOutcome.of(payment);
        }
    }
}
