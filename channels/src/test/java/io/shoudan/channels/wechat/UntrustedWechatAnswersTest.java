package io.shoudan.channels.wechat;

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

/** A WeChat answer whose sign does not verify: unknown, SECURITY.SIGNATURE_INVALID kept, settled by orderquery / reverse. */
class UntrustedWechatAnswersTest {

    private static final Instrument CODE = new Instrument.ScannedCode("134512345678901234");

    private final Fixtures fixtures = new Fixtures();
    private final ScriptedWechat wechat = new ScriptedWechat();
    private final WechatGateway gateway = new WechatGateway(wechat,
            merchant -> Optional.of(new WechatMerchantAccount("wx2421b1c4370ec43b", "1900000001")), fixtures.calls(Channel.WECHAT));

    @Test
    void untrustedAnswersAreNeverDecisions() {
        wechat.micropay.thenUntrusted();
        wechat.orderQuery.thenUntrusted();
        wechat.reverse.thenUntrusted();
        wechat.refund.thenUntrusted();
        var trade = Fixtures.trade(PaymentMethod.WECHAT_PAY, "100.00", "4200000000202611230000000001");

        assertThat(gateway.pay(Fixtures.pay(PaymentMethod.WECHAT_PAY, "100.00", CODE)))
                .isEqualTo(new ChannelAnswer.Pending(TransportReply.Untrusted.SIGNATURE_INVALID, PendingCause.SYSTEM_ERROR));
        assertThat(gateway.query(trade))
                .isEqualTo(new ChannelAnswer.Pending(TransportReply.Untrusted.SIGNATURE_INVALID, PendingCause.SYSTEM_ERROR));
        assertThat(gateway.cancel(trade)).isEqualTo(new CancelAnswer.NotCancelled(TransportReply.Untrusted.SIGNATURE_INVALID));
        assertThat(gateway.refund(Fixtures.refund(RefundKind.REFUND, trade, "30.00")))
                .isEqualTo(new RefundAnswer.Pending(TransportReply.Untrusted.SIGNATURE_INVALID));
        assertThat(fixtures.health.breaker(Channel.WECHAT).getMetrics().getNumberOfFailedCalls()).isEqualTo(4);
    }
}
