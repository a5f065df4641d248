package io.shoudan.server.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoudan.fee.FeeQuote;
import io.shoudan.fee.FeeSplit;
import io.shoudan.fee.RateCardId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.Failure;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.reason.Lang;
import io.shoudan.reason.ReasonCode;
import io.shoudan.server.scenario.VerdictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code diagnose --payment} on a reversed payment tells what started the recovery, then what ended it. */
class PaymentExplanationTest {

    private static final Instant PAID_AT = Instant.parse("2026-11-23T02:00:00Z");
    private static final Instant TIMED_OUT_AT = PAID_AT.plusSeconds(30);
    private static final Instant REVERSED_AT = PAID_AT.plusSeconds(95);
    private static final FeeQuote FEE = new FeeQuote(new RateCardId("RC-1"), 1, Money.parse("100.00"),
            new FeeSplit(Money.parse("0.38"), Money.ZERO), Money.ZERO);

    private static Payment processing() {
        return Payment.processing(new PaymentId("P-7"), PaymentWorld.sale("000001-000007", PaymentMethod.WECHAT_PAY, "100.00"),
                PAID_AT, List.of(), FEE);
    }

    private static Payment timedOutThenReversed(String startedBy, String cancelAnswer, boolean moneyReturned) {
        return processing().unknown(TIMED_OUT_AT, new RawCode(startedBy))
                .reversed(REVERSED_AT, new RawCode(cancelAnswer), moneyReturned);
    }

    @Test
    void aReversedPaymentNamesTheTimeoutFirstAndThenTheReversalInEnglish() {
        String text = PaymentExplanation.of(timedOutThenReversed("TIMEOUT", "reverse=SUCCESS", true)).text(Lang.EN);

        assertThat(text).contains("Started by: TIMEOUT (the channel's answer did not come in time and was lost), 2026-11-23T10:00:30+08:00")
                .contains("Ended by: the cancel / reversal, answered reverse=SUCCESS (the money the channel had taken was given back),"
                        + " 2026-11-23T10:01:35+08:00")
                .contains("WeChat Pay did not answer in time; the outcome was settled by query or reversal as REVERSED.")
                .doesNotContain("Channel's raw code: reverse=SUCCESS")
                .doesNotContain("channel code: reverse=SUCCESS");
        assertThat(text.indexOf("TIMEOUT")).isLessThan(text.indexOf("reverse=SUCCESS"));
    }

    @Test
    void aReversedPaymentNamesTheTimeoutFirstAndThenTheReversalInChinese() {
        String text = PaymentExplanation.of(timedOutThenReversed("TIMEOUT", "reverse=SUCCESS", false)).text(Lang.ZH);

        assertThat(text).contains("起因：TIMEOUT（通道未在规定时间内应答，应答丢失），2026-11-23T10:00:30+08:00")
                .contains("结束：撤销/冲正应答 reverse=SUCCESS（交易已关闭，款项不会留在商户），2026-11-23T10:01:35+08:00")
                .contains("微信支付没有在规定时间内应答；交易结果已通过查询或撤销确定为“REVERSED”。")
                .doesNotContain("通道原始应答码：reverse=SUCCESS")
                .doesNotContain("应答码：reverse=SUCCESS");
        assertThat(text.indexOf("起因：")).isLessThan(text.indexOf("结束："));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "TIMEOUT               | the channel's answer did not come in time and was lost",
            "RECOVERY              | the platform's recovery found it still in progress with no answer (the node that sent it had stopped)",
            "TERMINAL_REVERSAL     | the terminal sent a reversal while the outcome was unknown",
            "SYSTEMERROR           | the channel's answer left the outcome unknown (a system error, or the customer still confirming)",
            "USERPAYING            | the channel's answer left the outcome unknown (a system error, or the customer still confirming)"})
    void whatStartedTheRecoveryIsToldWithItsOwnCode(String startedBy, String cause) {
        String text = PaymentExplanation.of(timedOutThenReversed(startedBy, "reverse=SUCCESS", true)).text(Lang.EN);

        assertThat(text).contains("Started by: " + startedBy + " (" + cause + ")");
    }

    @Test
    void theJsonFormKeepsTheStartingCodeAsRawCodeAndTheReversalsOwnBesideIt() throws Exception {
        PaymentExplanation explanation = PaymentExplanation.of(timedOutThenReversed("TIMEOUT", "reverse=SUCCESS", true));

        JsonNode json = new ObjectMapper().readTree(new VerdictJson().write(explanation));

        assertThat(json.get("rawCode").asText()).isEqualTo("TIMEOUT");
        assertThat(json.get("reversalCode").asText()).isEqualTo("reverse=SUCCESS");
        assertThat(json.get("mappedTo").asText()).isEqualTo("NETWORK.CHANNEL_TIMEOUT");
        assertThat(json.get("reasons").get(0).get("evidence").get("rawCode").asText()).isEqualTo("TIMEOUT");
    }

    @Test
    void aRefusedPaymentStillShowsTheChannelsRawCodeAndNoRecovery() {
        Payment failed = processing().failed(TIMED_OUT_AT, new Failure(ReasonCode.CONSUMER_INSUFFICIENT_FUNDS, new RawCode("NOTENOUGH")));

        PaymentExplanation explanation = PaymentExplanation.of(failed);

        assertThat(explanation.recovery()).isEmpty();
        assertThat(explanation.text(Lang.EN)).contains("Channel's raw code: NOTENOUGH → mapped to CONSUMER.INSUFFICIENT_FUNDS")
                .doesNotContain("Started by");
    }
}
