package io.shoudan.payment;

import io.shoudan.fee.FeeQuote;
import io.shoudan.fee.FeeSplit;
import io.shoudan.fee.RateCardId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentTest {

    private static final Instant NOW = PaymentWorld.START;
    private static final SaleRequest SALE = PaymentWorld.sale("000001-000001", PaymentMethod.ALIPAY, "100.00");
    private static final FeeQuote FEE = new FeeQuote(new RateCardId("RC-1"), 1, Money.parse("100.00"),
            new FeeSplit(Money.parse("0.38"), Money.ZERO), Money.ZERO);
    private static final RawCode OK = new RawCode("10000");

    private static Payment processing() {
        return Payment.processing(new PaymentId("P1"), SALE, NOW, List.of(), FEE);
    }

    @Test
    void theAggregateRefusesAMoveItsStateDoesNotAllow() {
        Payment succeeded = processing().succeeded(NOW, new ChannelTradeNo("T1"), FundingSource.WALLET_BALANCE, OK);
        assertThatThrownBy(() -> succeeded.failed(NOW, new Failure(ReasonCode.CONSUMER_INSUFFICIENT_FUNDS, OK)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SUCCEEDED → FAILED");
        assertThatThrownBy(() -> processing().reversed(NOW, OK, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PROCESSING → REVERSED");
        assertThatThrownBy(() -> processing().refundDone(RefundKind.REFUND, Money.parse("1.00"), FeeSplit.NONE, NOW, OK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PROCESSING → PARTIALLY_REFUNDED");
    }

    @Test
    void everyChangeBumpsTheVersionAndIsRecordedInTheHistory() {
        Payment unknown = processing().unknown(NOW.plusSeconds(1), new RawCode("TIMEOUT"));
        Payment succeeded = unknown.succeeded(NOW.plusSeconds(5), new ChannelTradeNo("T1"), FundingSource.HUABEI, OK);
        assertThat(succeeded.version()).isEqualTo(3);
        assertThat(succeeded.history()).extracting(Transition::to).containsExactly(
                PaymentState.PROCESSING, PaymentState.UNKNOWN, PaymentState.SUCCEEDED);
        assertThat(succeeded.fixedFee()).contains(FEE);
        assertThat(unknown.fixedFee()).isEmpty();
    }

    @Test
    void aReservationCannotExceedWhatIsLeftToRefund() {
        Payment succeeded = processing().succeeded(NOW, new ChannelTradeNo("T1"), FundingSource.WALLET_BALANCE, OK);
        Payment reserved = succeeded.reserve(Money.parse("60.00"), NOW);
        assertThat(reserved.refundable()).isEqualTo(Money.parse("40.00"));
        assertThatThrownBy(() -> reserved.reserve(Money.parse("40.01"), NOW)).isInstanceOf(IllegalStateException.class);
        Payment partly = reserved.refundDone(RefundKind.REFUND, Money.parse("60.00"), FeeSplit.NONE, NOW, OK);
        assertThat(partly.state()).isEqualTo(PaymentState.PARTIALLY_REFUNDED);
        Payment all = partly.reserve(Money.parse("40.00"), NOW).refundDone(RefundKind.REFUND, Money.parse("40.00"), FeeSplit.NONE, NOW, OK);
        assertThat(all.state()).isEqualTo(PaymentState.REFUNDED);
        assertThat(all.refundable()).isEqualTo(Money.ZERO);
    }

    @Test
    void aDeclinedPaymentKeepsEveryReasonAndNamesTheFirstBlockingOne() {
        Payment declined = Payment.declined(new PaymentId("P2"), SALE, NOW, List.of(
                Reason.of(ReasonCode.MERCHANT_PRODUCT_NOT_SIGNED, "product", "HUABEI"),
                Reason.of(ReasonCode.MAINTENANCE_CHANNEL_DEGRADED)));
        assertThat(declined.state()).isEqualTo(PaymentState.DECLINED);
        assertThat(declined.failure().reason()).isEqualTo(ReasonCode.MERCHANT_PRODUCT_NOT_SIGNED);
        assertThat(declined.verdict()).hasSize(2);
        assertThatThrownBy(() -> Payment.declined(new PaymentId("P3"), SALE, NOW, List.of(Reason.of(ReasonCode.MAINTENANCE_CHANNEL_DEGRADED))))
                .hasMessageContaining("blocking reason");
    }

    @Test
    void aScannedCodeIsNeverPrintedWhole() {
        assertThat(SALE.toString()).doesNotContain(PaymentWorld.ALIPAY_CODE).contains("2840**********1234");
    }
}
