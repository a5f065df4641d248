package io.shoudan.payment;

import io.shoudan.merchant.Usage;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.payment.testing.SimulatedChannel.PayFault;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static io.shoudan.payment.testing.PaymentWorld.MERCHANT;
import static io.shoudan.payment.testing.PaymentWorld.sale;
import static org.assertj.core.api.Assertions.assertThat;

class PaymentUsageTest {

    @Test
    void usageCountsWhatWasTakenAndWhatIsInFlightTodayAndThisMonthButNotWhatWasVoided() {
        PaymentWorld world = new PaymentWorld();
        PaymentService service = world.service();
        service.sale(sale("A", PaymentMethod.UNIONPAY_CREDIT, "100.00"));                 // yesterday-to-be, same month
        world.time.advance(Duration.ofDays(1));
        service.sale(sale("B", PaymentMethod.UNIONPAY_CREDIT, "20.00"));                  // today, succeeded
        service.refund(RefundRequest.refund(MERCHANT, new RequestId.Client("RB"), new RequestId.Client("B"), Money.parse("20.00")));
        service.sale(sale("V", PaymentMethod.UNIONPAY_CREDIT, "50.00"));                  // today, voided: not counted
        service.voidSale(MERCHANT, new RequestId.Client("VV"), new RequestId.Client("V"));
        world.unionPay.nextPay(PayFault.REFUSED);
        service.sale(sale("C", PaymentMethod.UNIONPAY_CREDIT, "30.00"));                  // today, failed: not counted
        world.alipay.nextPay(PayFault.CONSUMER_NEVER_CONFIRMS).cancelsFailing(5);
        service.sale(sale("D", PaymentMethod.ALIPAY, "7.00"));                            // today, still unknown: counted
        service.sale(sale(PaymentWorld.OTHER_MERCHANT, "E", PaymentMethod.UNIONPAY_CREDIT, "999.00"));

        Map<PaymentMethod, Usage> usage = PaymentUsage.of(world.store.payments(), MERCHANT, LocalDate.of(2026, 11, 24));

        assertThat(usage).containsOnlyKeys(PaymentMethod.UNIONPAY_CREDIT, PaymentMethod.ALIPAY);
        assertThat(usage.get(PaymentMethod.UNIONPAY_CREDIT)).isEqualTo(new Usage(Money.parse("20.00"), Money.parse("120.00")));
        assertThat(usage.get(PaymentMethod.ALIPAY)).isEqualTo(new Usage(Money.parse("7.00"), Money.parse("7.00")));
        assertThat(PaymentUsage.of(world.store.payments(), MERCHANT, LocalDate.of(2026, 12, 1))).isEmpty();
    }
}
