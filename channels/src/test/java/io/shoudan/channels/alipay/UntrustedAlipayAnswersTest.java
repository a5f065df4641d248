package io.shoudan.channels.alipay;

import io.shoudan.channels.Fixtures;
import io.shoudan.channels.TransportReply;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.payment.CancelAnswer;
import io.shoudan.payment.ChannelAnswer;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.PendingCause;
import io.shoudan.payment.RefundAnswer;
import io.shoudan.payment.RefundKind;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An answer whose signature does not verify proves nothing: the adapter keeps SECURITY.SIGNATURE_INVALID and leaves the outcome unknown. */
class UntrustedAlipayAnswersTest {

    private static final Instrument CODE = new Instrument.ScannedCode("284012345678901234");

    private final Fixtures fixtures = new Fixtures();
    private final ScriptedAlipay alipay = new ScriptedAlipay();
    private final AlipayGateway gateway = new AlipayGateway(alipay, merchant -> Optional.of(new AlipayMerchantAccount("2021000000000001")),
            fixtures.calls(Channel.ALIPAY));

    @Test
    void anUntrustedPayAnswerIsPendingWithTheSignatureFailureKeptNeverARefusalNorASuccess() {
        alipay.pay.thenUntrusted();

        ChannelAnswer answer = gateway.pay(Fixtures.pay(PaymentMethod.ALIPAY, "100.00", CODE));

        assertThat(answer).isEqualTo(new ChannelAnswer.Pending(TransportReply.Untrusted.SIGNATURE_INVALID, PendingCause.SYSTEM_ERROR));
        assertThat(answer.raw().value()).isEqualTo("SECURITY.SIGNATURE_INVALID");
    }

    @Test
    void anUntrustedQueryIsStillPending() {
        alipay.query.thenUntrusted();

        assertThat(gateway.query(Fixtures.trade(PaymentMethod.ALIPAY, "100.00", null)))
                .isEqualTo(new ChannelAnswer.Pending(TransportReply.Untrusted.SIGNATURE_INVALID, PendingCause.SYSTEM_ERROR));
    }

    @Test
    void anUntrustedCancelIsNotACancel() {
        alipay.cancel.thenUntrusted();

        assertThat(gateway.cancel(Fixtures.trade(PaymentMethod.ALIPAY, "100.00", null)))
                .isEqualTo(new CancelAnswer.NotCancelled(TransportReply.Untrusted.SIGNATURE_INVALID));
    }

    @Test
    void anUntrustedRefundOrVoidIsPendingAndRetriedUnderTheSameId() {
        alipay.refund.thenUntrusted();
        alipay.cancel.thenUntrusted();
        var trade = Fixtures.trade(PaymentMethod.ALIPAY, "100.00", "2026112322001400000000000001");

        assertThat(gateway.refund(Fixtures.refund(RefundKind.REFUND, trade, "30.00")))
                .isEqualTo(new RefundAnswer.Pending(TransportReply.Untrusted.SIGNATURE_INVALID));
        assertThat(gateway.voidSale(Fixtures.refund(RefundKind.VOID, trade, "100.00")))
                .isEqualTo(new RefundAnswer.Pending(TransportReply.Untrusted.SIGNATURE_INVALID));
    }

    @Test
    void untrustedAnswersCountAsChannelFailures() {
        alipay.query.thenUntrusted().thenUntrusted();

        gateway.query(Fixtures.trade(PaymentMethod.ALIPAY, "100.00", null));
        gateway.query(Fixtures.trade(PaymentMethod.ALIPAY, "100.00", null));

        assertThat(fixtures.health.breaker(Channel.ALIPAY).getMetrics().getNumberOfFailedCalls()).isEqualTo(2);
        assertThat(fixtures.health.breaker(Channel.ALIPAY).getMetrics().getNumberOfSuccessfulCalls()).isZero();
    }

    @Test
    void silenceIsStillATimeout() {
        alipay.pay.thenNoAnswer();

        assertThat(gateway.pay(Fixtures.pay(PaymentMethod.ALIPAY, "100.00", CODE)).raw().value()).isEqualTo("TIMEOUT");
    }
}
