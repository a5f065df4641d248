package io.shoudan.sandbox.unionpay;

import io.shoudan.money.Money;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.SourceId;
import java.time.Instant;

/** One transaction inside the simulated host. Mutable, guarded by the sandbox monitor. */
final class HostTransaction {

    /** Identifies a message: merchant, terminal and field 11. */
    record Key(String merchantId, String terminalId, String stan) {
        static Key of(TerminalRef ref) {
            return new Key(ref.merchantId(), ref.terminalId(), ref.stan());
        }
    }

    final Key key;
    final TransactionType type;
    /** The request itself, compared on a repeated field 11 (same: the same answer; different: 94). */
    final Object request;
    final Instant createdAt;
    final Money amount;

    TransactionStatus status;
    ResponseCode field39;
    HostResponse response;
    ConsumerId cardholder;
    SourceId card;
    String pan;
    String rrn;
    Money refunded = Money.ZERO;
    Instant confirmAt;
    Instant deadline;

    HostTransaction(Key key, TransactionType type, Object request, Instant createdAt, Money amount) {
        this.key = key;
        this.type = type;
        this.request = request;
        this.createdAt = createdAt;
        this.amount = amount;
    }

    void moveTo(TransactionStatus next) {
        status = status.become(next);
    }
}
