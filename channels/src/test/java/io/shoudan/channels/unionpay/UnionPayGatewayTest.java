package io.shoudan.channels.unionpay;

import io.shoudan.channels.Fixtures;
import io.shoudan.channels.mapping.CodeMeaning;
import io.shoudan.channels.mapping.Field39Codes;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.payment.CancelAnswer;
import io.shoudan.payment.ChannelAnswer;
import io.shoudan.payment.FundingSource;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.PendingCause;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.RefundAnswer;
import io.shoudan.payment.RefundKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnionPayGatewayTest {

    private static final Instrument CARD = new Instrument.CardReference("card-token-1");

    private final Fixtures fixtures = new Fixtures();
    private final ScriptedHost host = new ScriptedHost();
    private final UnionPayGateway gateway = new UnionPayGateway(host,
            merchant -> Optional.of(new UnionPayMerchantAccount("898310048990001", "00000001")), fixtures.calls(Channel.UNIONPAY));

    @ParameterizedTest(name = "field 39 {0} → {1}")
    @CsvSource({
            "03, INTEGRATION.CHANNEL_NOT_CONNECTED",
            "05, CONSUMER.ISSUER_DECLINED",
            "12, OPERATION.WRONG_TRANSACTION_TYPE",
            "13, OPERATION.INVALID_AMOUNT",
            "14, CONSUMER.PAYMENT_CODE_INVALID",
            "25, OPERATION.ORIGINAL_NOT_FOUND",
            "30, INTEGRATION.REQUEST_REJECTED",
            "40, INTEGRATION.METHOD_NOT_OFFERED",
            "51, CONSUMER.INSUFFICIENT_FUNDS",
            "54, CONSUMER.PAYMENT_CODE_INVALID",
            "55, CONSUMER.PIN_INVALID",
            "57, CONSUMER.ACCOUNT_FROZEN",
            "58, MERCHANT.PRODUCT_NOT_SIGNED",
            "59, CONSUMER.RISK_REJECTED",
            "61, CONSUMER.LIMIT_EXCEEDED",
            "64, OPERATION.INVALID_AMOUNT",
            "65, CONSUMER.LIMIT_EXCEEDED",
            "91, MAINTENANCE.CHANNEL_UNAVAILABLE",
            "94, OPERATION.DUPLICATE_REQUEST",
            "A0, SECURITY.MAC_INVALID",
    })
    void aDecliningField39IsARefusalWithItsReason(String field39, String expected) {
        host.sale.then(ScriptedHost.field39(field39));

        ChannelAnswer.Refused refused = (ChannelAnswer.Refused) gateway.pay(Fixtures.pay(PaymentMethod.UNIONPAY_DEBIT, "100.00", CARD));

        CodeMeaning.Refusal row = (CodeMeaning.Refusal) Field39Codes.CODES.find(field39).orElseThrow().meaning(false);
        assertThat(row.reason().code()).isEqualTo(expected);
        assertThat(refused.reason()).isEqualTo(row.reason());
        assertThat(refused.raw()).isEqualTo(new RawCode("39=" + field39));
    }

    @ParameterizedTest(name = "field 39 {0} → pending {1}")
    @CsvSource({"09, CONSUMER_CONFIRMING", "68, TIMEOUT", "96, SYSTEM_ERROR", "98, TIMEOUT"})
    void inProgressTimeoutAndSystemErrorCodesArePending(String field39, PendingCause cause) {
        host.sale.then(ScriptedHost.field39(field39));
        assertThat(gateway.pay(Fixtures.pay(PaymentMethod.UNIONPAY_QR, "100.00", new Instrument.ScannedCode("6212345678901234567"))))
                .isEqualTo(new ChannelAnswer.Pending(new RawCode("39=" + field39), cause));
    }

    @ParameterizedTest(name = "{0} approved → {1}")
    @CsvSource({"UNIONPAY_DEBIT, DEBIT_CARD", "UNIONPAY_CREDIT, CREDIT_CARD"})
    void anApprovedSaleIsPaidUnderItsRetrievalReference(PaymentMethod method, FundingSource source) {
        host.sale.then(ScriptedHost.field39("00"));

        ChannelAnswer.Paid paid = (ChannelAnswer.Paid) gateway.pay(Fixtures.pay(method, "100.00", CARD));

        assertThat(paid.tradeNo().value()).isEqualTo("331102000001");
        assertThat(paid.fundingSource()).isEqualTo(source);
        assertThat(host.sale.requests().getFirst().stan()).isEqualTo(new Stan("000042"));
    }

    @Test
    void anUnknownField39IsARefusalKeptRawAndCounted() {
        host.sale.then(ScriptedHost.field39("Z9"));

        ChannelAnswer answer = gateway.pay(Fixtures.pay(PaymentMethod.UNIONPAY_DEBIT, "1.00", CARD));

        assertThat(answer).isInstanceOf(ChannelAnswer.Refused.class);
        assertThat(fixtures.unmapped.counted(Channel.UNIONPAY, "39=Z9")).isEqualTo(1.0);
    }

    @Test
    void aReversalRepeatsTheOriginalTraceNumber() {
        host.reversal.then(ScriptedHost.field39("96"));
        host.reversal.then(ScriptedHost.field39("00"));
        var trade = Fixtures.trade(PaymentMethod.UNIONPAY_DEBIT, "100.00", null);

        assertThat(gateway.cancel(trade)).isInstanceOf(CancelAnswer.NotCancelled.class);
        assertThat(gateway.cancel(trade)).isInstanceOf(CancelAnswer.Cancelled.class);
        assertThat(host.reversal.requests()).extracting(HostOriginal::originalStan).containsOnly(new Stan("000042"));
    }

    @Test
    void aReversalOfASaleTheHostNeverSawIsDone() {
        host.reversal.then(ScriptedHost.field39("25"));
        assertThat(gateway.cancel(Fixtures.trade(PaymentMethod.UNIONPAY_DEBIT, "100.00", null))).isInstanceOf(CancelAnswer.Cancelled.class);
    }

    @ParameterizedTest(name = "query: original {0} ({1}) → {2}")
    @CsvSource({"APPROVED, 00, PAID", "PENDING, 09, PENDING", "DECLINED, 51, REFUSED", "REVERSED, 00, REFUSED", "VOIDED, 00, REFUSED"})
    void aStatusQueryAnswersByTheOriginalsStatus(String status, String originalField39, String expected) {
        host.query.then(new HostAnswer("00", "331102000001", status, originalField39));
        ChannelAnswer answer = gateway.query(Fixtures.trade(PaymentMethod.UNIONPAY_QR, "100.00", null));
        assertThat(answer.getClass().getSimpleName().toUpperCase()).isEqualTo(expected);
    }

    @Test
    void aVoidNamesTheOriginalByItsTraceAndARefundByItsReference() {
        host.voidSale.then(ScriptedHost.field39("00"));
        host.refund.then(ScriptedHost.field39("13"));
        var trade = Fixtures.trade(PaymentMethod.UNIONPAY_DEBIT, "100.00", "331102000001");

        assertThat(gateway.voidSale(Fixtures.refund(RefundKind.VOID, trade, "100.00"))).isInstanceOf(RefundAnswer.Refunded.class);
        assertThat(gateway.refund(Fixtures.refund(RefundKind.REFUND, trade, "200.00"))).isInstanceOf(RefundAnswer.Refused.class);
        assertThat(host.voidSale.requests().getFirst().originalStan()).isEqualTo(new Stan("000042"));
        assertThat(host.voidSale.requests().getFirst().stan()).isEqualTo(new Stan("000043"));
        assertThat(host.refund.requests().getFirst().originalRrn()).isEqualTo("331102000001");
    }

    @ParameterizedTest(name = "id {0} → field 11 {1}")
    @CsvSource({"P-N1-000000000042, 000042", "P-N1-000001999999, 999999", "R-N1-000001000000, 000000"})
    void theTraceNumberIsTheLastSixDigitsOfTheId(String id, String stan) {
        assertThat(Stan.of(id)).isEqualTo(new Stan(stan));
    }

    @Test
    void anIdWithFewerThanSixDigitsStillGetsSixDigits() {
        assertThat(Stan.of("P-7").value()).matches("[0-9]{6}");
        assertThat(Stan.of("PAYMENT").value()).matches("[0-9]{6}");
    }

    @Test
    void aTraceNumberIsSixDigits() {
        assertThatThrownBy(() -> new Stan("12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Stan("1234567")).isInstanceOf(IllegalArgumentException.class);
    }
}
