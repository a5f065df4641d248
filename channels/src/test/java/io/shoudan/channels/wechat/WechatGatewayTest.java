package io.shoudan.channels.wechat;

import io.shoudan.channels.Fixtures;
import io.shoudan.channels.mapping.CodeMeaning;
import io.shoudan.channels.mapping.WechatCodes;
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
import io.shoudan.reason.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WechatGatewayTest {

    private static final Instrument CODE = new Instrument.ScannedCode("134512345678901234");

    private final Fixtures fixtures = new Fixtures();
    private final ScriptedWechat wechat = new ScriptedWechat();
    private final WechatGateway gateway = new WechatGateway(wechat,
            merchant -> Optional.of(new WechatMerchantAccount("wx2421b1c4370ec43b", "1900000001")), fixtures.calls(Channel.WECHAT));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "AUTHCODEEXPIRE,    CONSUMER.PAYMENT_CODE_INVALID",
            "NOTENOUGH,         CONSUMER.INSUFFICIENT_FUNDS",
            "NOTSUPORTCARD,     CONSUMER.INSTRUMENT_NOT_ACCEPTED",
            "ORDERCLOSED,       OPERATION.TRADE_CLOSED",
            "ORDERREVERSED,     OPERATION.TRADE_CLOSED",
            "AUTH_CODE_ERROR,   OPERATION.CODE_METHOD_MISMATCH",
            "AUTH_CODE_INVALID, CONSUMER.PAYMENT_CODE_INVALID",
            "TRADE_ERROR,       CONSUMER.RISK_REJECTED",
            "BUYER_MISMATCH,    OPERATION.DUPLICATE_REQUEST",
            "REVERSE_EXPIRE,    OPERATION.NOT_VOIDABLE",
            "PARAM_ERROR,       INTEGRATION.REQUEST_REJECTED",
            "NOAUTH,            MERCHANT.PRODUCT_NOT_SIGNED",
            "OUT_TRADE_NO_USED, OPERATION.DUPLICATE_REQUEST",
            "ORDERNOTEXIST,     OPERATION.ORIGINAL_NOT_FOUND",
            "SIGNERROR,         SECURITY.SIGNATURE_INVALID",
            "ERROR,             OPERATION.WRONG_TRANSACTION_TYPE",
    })
    void aDefinitiveErrCodeIsARefusalWithItsReasonAndTheRawCodeKept(String errCode, String expected) {
        wechat.micropay.then(ScriptedWechat.failed(errCode));

        ChannelAnswer.Refused refused = (ChannelAnswer.Refused) gateway.pay(Fixtures.pay(PaymentMethod.WECHAT_PAY, "100.00", CODE));

        CodeMeaning.Refusal row = (CodeMeaning.Refusal) WechatCodes.ERR_CODES.find(errCode).orElseThrow().meaning(false);
        assertThat(row.reason().code()).isEqualTo(expected);
        assertThat(refused.reason()).isEqualTo(row.reason());
        assertThat(refused.raw()).isEqualTo(new RawCode(errCode));
    }

    @ParameterizedTest(name = "{0} → pending {1}")
    @CsvSource({"USERPAYING, CONSUMER_CONFIRMING", "SYSTEMERROR, SYSTEM_ERROR", "BANKERROR, SYSTEM_ERROR"})
    void userPayingAndSystemAndBankErrorsArePending(String errCode, PendingCause cause) {
        wechat.micropay.then(ScriptedWechat.failed(errCode));
        assertThat(gateway.pay(Fixtures.pay(PaymentMethod.WECHAT_PAY, "100.00", CODE)))
                .isEqualTo(new ChannelAnswer.Pending(new RawCode(errCode), cause));
    }

    @Test
    void aFailedCallIsPendingBecauseItSaysNothingAboutARetriedOrder() {
        wechat.micropay.then(new MicropayResponse("FAIL", "系统繁忙", null, null, null, null, null));
        assertThat(gateway.pay(Fixtures.pay(PaymentMethod.WECHAT_PAY, "100.00", CODE)))
                .isEqualTo(new ChannelAnswer.Pending(new RawCode("return_code=FAIL"), PendingCause.SYSTEM_ERROR));
    }

    @Test
    void orderPaidOnARetryIsAPaymentConfirmedByOrderQuery() {
        wechat.micropay.then(ScriptedWechat.failed("ORDERPAID"));
        wechat.orderQuery.then(ScriptedWechat.state("SUCCESS"));

        ChannelAnswer answer = gateway.pay(Fixtures.pay(PaymentMethod.WECHAT_PAY, "100.00", CODE));

        assertThat(((ChannelAnswer.Paid) answer).tradeNo().value()).isEqualTo("4200000000202611230000000001");
    }

    @Test
    void anUnknownErrCodeIsARefusalKeptRawAndCounted() {
        wechat.micropay.then(ScriptedWechat.failed("BRAND_NEW_CODE"));

        ChannelAnswer answer = gateway.pay(Fixtures.pay(PaymentMethod.WECHAT_PAY, "100.00", CODE));

        assertThat(answer.raw()).isEqualTo(new RawCode("BRAND_NEW_CODE"));
        assertThat(answer).isInstanceOf(ChannelAnswer.Refused.class);
        assertThat(fixtures.unmapped.counted(Channel.WECHAT, "BRAND_NEW_CODE")).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "bank_type {0} → {1}")
    @CsvSource({"OTHERS, WALLET_BALANCE", "LQT, WALLET_BALANCE", "CMB_DEBIT, DEBIT_CARD", "ICBC_CREDIT, CREDIT_CARD", "XYZ, OTHER"})
    void theFundingSourceComesFromBankType(String bankType, FundingSource expected) {
        wechat.micropay.then(ScriptedWechat.paid(bankType));
        assertThat(((ChannelAnswer.Paid) gateway.pay(Fixtures.pay(PaymentMethod.WECHAT_PAY, "100.00", CODE))).fundingSource()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "trade_state {0} → {1}")
    @CsvSource({"SUCCESS, PAID", "REFUND, PAID", "USERPAYING, PENDING", "NOTPAY, PENDING", "CLOSED, REFUSED", "REVOKED, REFUSED",
            "PAYERROR, REFUSED"})
    void orderQueryAnswersByTradeState(String state, String expected) {
        wechat.orderQuery.then(ScriptedWechat.state(state));
        ChannelAnswer answer = gateway.query(Fixtures.trade(PaymentMethod.WECHAT_PAY, "100.00", null));
        assertThat(answer.getClass().getSimpleName().toUpperCase()).isEqualTo(expected);
    }

    @Test
    void anOrderNotFoundYetIsPending() {
        wechat.orderQuery.then(new OrderQueryResponse("SUCCESS", "OK", "FAIL", "ORDERNOTEXIST", "此交易订单号不存在", null, null, null));
        assertThat(gateway.query(Fixtures.trade(PaymentMethod.WECHAT_PAY, "100.00", null))).isInstanceOf(ChannelAnswer.Pending.class);
    }

    @Test
    void reverseWithRecallIsNotCancelledAndASuccessfulOneIs() {
        wechat.reverse.then(new ReverseResponse("SUCCESS", "OK", "FAIL", "SYSTEMERROR", "系统超时", "Y"));
        wechat.reverse.then(new ReverseResponse("SUCCESS", "OK", "SUCCESS", null, null, "N"));
        var trade = Fixtures.trade(PaymentMethod.WECHAT_PAY, "100.00", null);

        assertThat(gateway.cancel(trade)).isEqualTo(new CancelAnswer.NotCancelled(new RawCode("SYSTEMERROR/recall=Y")));
        assertThat(gateway.cancel(trade)).isInstanceOf(CancelAnswer.Cancelled.class);
    }

    @Test
    void aVoidIsARefundOfTheWholeAmountUnderOurRefundId() {
        wechat.refund.then(new WechatRefundResponse("SUCCESS", "OK", "SUCCESS", null, null, "50000000000000000001"));
        var command = Fixtures.refund(RefundKind.VOID, Fixtures.trade(PaymentMethod.WECHAT_PAY, "100.00", "4200000000202611230000000001"), "100.00");

        assertThat(gateway.voidSale(command)).isInstanceOf(RefundAnswer.Refunded.class);
        WechatRefundRequest sent = wechat.refund.requests().getFirst();
        assertThat(sent.outRefundNo()).isEqualTo("R-T-000000000043");
        assertThat(sent.refundFee()).isEqualTo(sent.totalFee());
    }

    @Test
    void aRefundWithoutAnswerIsPendingAndARefusedOneCarriesItsReason() {
        wechat.refund.thenNoAnswer();
        wechat.refund.then(new WechatRefundResponse("SUCCESS", "OK", "FAIL", "ERROR", "业务错误", null));
        var command = Fixtures.refund(RefundKind.REFUND, Fixtures.trade(PaymentMethod.WECHAT_PAY, "100.00", "4200000000202611230000000001"), "10.00");

        assertThat(gateway.refund(command)).isInstanceOf(RefundAnswer.Pending.class);
        assertThat(gateway.refund(command)).isEqualTo(new RefundAnswer.Refused(new RawCode("ERROR"), ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE));
    }
}
