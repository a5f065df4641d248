package io.shoudan.payment;

import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.testing.PaymentWorld;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.shoudan.payment.testing.PaymentWorld.MERCHANT;
import static io.shoudan.payment.testing.PaymentWorld.sale;
import static org.assertj.core.api.Assertions.assertThat;

class SettlementMarkTest {

    /**
     * A refund on another node moves the payment between this node's read and its write: the write loses the race
     * ({@link VersionedWrite#LOST_RACE}) and the mark is made again on the payment as it is now, refund included.
     */
    @Test
    void aPaymentMarkedSettledWhileARefundMovesItIsMarkedAsItIsNow() {
        PaymentWorld world = new PaymentWorld();
        PaymentService otherNode = world.service();
        Payment paid = ((SaleOutcome.Succeeded) otherNode.sale(sale("S1", PaymentMethod.ALIPAY, "100.00"))).payment();
        AtomicBoolean refundedMeanwhile = new AtomicBoolean();
        PaymentStore racing = (PaymentStore) Proxy.newProxyInstance(PaymentStore.class.getClassLoader(), new Class<?>[]{PaymentStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("updatePayment") && refundedMeanwhile.compareAndSet(false, true)) {
                        otherNode.refund(RefundRequest.refund(MERCHANT, new RequestId.Client("R1"), new RequestId.Client("S1"), Money.parse("40.00")));
                    }
                    try {
                        return method.invoke(world.store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        Payment settled = world.serviceOver(racing).markSettled(paid.id());

        assertThat(refundedMeanwhile).isTrue();
        assertThat(settled.settledAt()).isNotNull();
        assertThat(settled.refunded()).isEqualTo(Money.parse("40.00"));
        assertThat(settled.state()).isEqualTo(PaymentState.PARTIALLY_REFUNDED);
        assertThat(world.store.findPayment(paid.id())).contains(settled);
    }
}
