package io.shoudan.payment.testing;

import io.shoudan.payment.PaymentStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryPaymentStoreTest extends PaymentStoreContract {

    private final InMemoryPaymentStore memory = new InMemoryPaymentStore();

    @Override
    protected PaymentStore newStore() {
        return memory;
    }

    @Test
    void aCrashedWriteStoresNothing() {
        memory.crashOnWrite(1);
        assertThatThrownBy(() -> memory.insertPayment(processing("P1", "K1"))).isInstanceOf(InMemoryPaymentStore.SimulatedCrash.class);
        assertThat(memory.payments()).isEmpty();
        assertThat(memory.insertPayment(processing("P1", "K1"))).isEmpty();
    }
}
