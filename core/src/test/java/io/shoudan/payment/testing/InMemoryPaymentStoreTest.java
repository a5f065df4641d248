package io.shoudan.payment.testing;

import io.shoudan.fee.FeeQuote;
import io.shoudan.fee.FeeSplit;
import io.shoudan.fee.RateCardId;
import io.shoudan.ledger.Account;
import io.shoudan.ledger.Journal;
import io.shoudan.ledger.JournalId;
import io.shoudan.ledger.JournalKind;
import io.shoudan.ledger.Posting;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.ChannelTradeNo;
import io.shoudan.payment.FundingSource;
import io.shoudan.payment.IdempotencyKey;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.StaleWriteException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store contract the jOOQ store must keep too; held here against the in-memory store. */
class InMemoryPaymentStoreTest {

    private static final Instant NOW = PaymentWorld.START;
    private final InMemoryPaymentStore store = new InMemoryPaymentStore();

    private static Payment processing(String id, String request) {
        return Payment.processing(new PaymentId(id), PaymentWorld.sale(request, PaymentMethod.ALIPAY, "10.00"), NOW, List.of(),
                new FeeQuote(new RateCardId("RC"), 1, Money.parse("10.00"), new FeeSplit(Money.parse("0.04"), Money.ZERO), Money.ZERO));
    }

    private static Journal sale(Payment payment) {
        return new Journal(JournalId.of(payment.id(), JournalKind.SALE), JournalKind.SALE, payment.merchant(), payment.id(), null, NOW,
                List.of(Posting.debit(new Account.ChannelReceivable(Channel.ALIPAY), payment.amount()),
                        Posting.credit(new Account.MerchantPayable(payment.merchant()), payment.amount())));
    }

    @Test
    void aSecondInsertWithTheSameKeyWritesNothingAndReturnsTheFirstRecord() {
        Payment first = processing("P1", "K1");
        assertThat(store.insertPayment(first)).isEmpty();
        assertThat(store.insertPayment(processing("P2", "K1"))).hasValueSatisfying(record -> assertThat(record.payment()).isEqualTo(first.id()));
        assertThat(store.findPayment(new PaymentId("P2"))).isEmpty();
        assertThat(store.findKey(new IdempotencyKey(PaymentWorld.MERCHANT, first.request().request()))).isPresent();
    }

    @Test
    void aWriteOverAVersionThatMovedOnIsStaleAndChangesNothing() {
        Payment stored = processing("P1", "K1");
        store.insertPayment(stored);
        Payment winner = stored.unknown(NOW, new RawCode("TIMEOUT"));
        store.updatePayment(winner, List.of());
        Payment loser = stored.succeeded(NOW, new ChannelTradeNo("T1"), FundingSource.WALLET_BALANCE, new RawCode("10000"));

        assertThatThrownBy(() -> store.updatePayment(loser, List.of(sale(loser)))).isInstanceOf(StaleWriteException.class);
        assertThat(store.findPayment(stored.id())).contains(winner);
        assertThat(store.journals()).isEmpty();
    }

    @Test
    void aJournalBookedTwiceFailsTheWholeWrite() {
        Payment stored = processing("P1", "K1");
        store.insertPayment(stored);
        Payment succeeded = stored.succeeded(NOW, new ChannelTradeNo("T1"), FundingSource.WALLET_BALANCE, new RawCode("10000"));
        store.updatePayment(succeeded, List.of(sale(succeeded)));
        Payment settled = succeeded.settled(NOW);

        assertThatThrownBy(() -> store.updatePayment(settled, List.of(sale(succeeded)))).hasMessageContaining("already booked");
        assertThat(store.findPayment(stored.id())).contains(succeeded);
        assertThat(store.journals()).hasSize(1);
    }

    @Test
    void aCrashedWriteStoresNothing() {
        store.crashOnWrite(1);
        assertThatThrownBy(() -> store.insertPayment(processing("P1", "K1"))).isInstanceOf(InMemoryPaymentStore.SimulatedCrash.class);
        assertThat(store.payments()).isEmpty();
        assertThat(store.insertPayment(processing("P1", "K1"))).isEmpty();
    }
}
