package io.shoudan.channels.alipay;

import io.shoudan.channels.Fixtures;
import io.shoudan.channels.UnmappedCodes;
import io.shoudan.channels.mapping.AlipayCodes;
import io.shoudan.channels.mapping.CodeMeaning;
import io.shoudan.channels.mapping.CodeRow;
import io.shoudan.fee.InstallmentFeeBearer;
import io.shoudan.fee.Installments;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.CancelAnswer;
import io.shoudan.payment.ChannelAnswer;
import io.shoudan.payment.FundingSource;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.PayCommand;
import io.shoudan.payment.PendingCause;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.RefundAnswer;
import io.shoudan.payment.RefundKind;
import io.shoudan.reason.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static io.shoudan.channels.Fixtures.MERCHANT;
import static io.shoudan.channels.Fixtures.PAYMENT;
import static io.shoudan.channels.Fixtures.TERMINAL;
import static org.assertj.core.api.Assertions.assertThat;

class AlipayGatewayTest {

    private static final Instrument CODE = new Instrument.ScannedCode("284012345678901234");

    private final Fixtures fixtures = new Fixtures();
    private final ScriptedAlipay alipay = new ScriptedAlipay();
    private final AlipayGateway gateway = new AlipayGateway(alipay, merchant -> Optional.of(new AlipayMerchantAccount("2021000000000001")),
            fixtures.calls(Channel.ALIPAY));

    private static PayCommand payAlipay(boolean huabeiAllowed) {
        return new PayCommand(PAYMENT, MERCHANT, TERMINAL, PaymentMethod.ALIPAY, Money.parse("100.00"), Installments.NONE, CODE, huabeiAllowed);
    }

    /** Every refusal-class sub_code of CHANNELS.md (and the sandbox's extra ones): the reason the acquirer reports. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "ACQ.PAYMENT_AUTH_CODE_INVALID,          CONSUMER.PAYMENT_CODE_INVALID",
            "ACQ.BUYER_BALANCE_NOT_ENOUGH,           CONSUMER.INSUFFICIENT_FUNDS",
            "ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH,  CONSUMER.INSUFFICIENT_FUNDS",
            "ACQ.BUYER_ENABLE_STATUS_FORBID,         CONSUMER.ACCOUNT_FROZEN",
            "ACQ.TRADE_HAS_CLOSE,                    OPERATION.TRADE_CLOSED",
            "ACQ.PAYMENT_FAIL,                       CONSUMER.ISSUER_DECLINED",
            "ACQ.SELLER_BEEN_BLOCKED,                MERCHANT.SUSPENDED",
            "ACQ.PRODUCT_AMOUNT_LIMIT_ERROR,         MERCHANT.LIMIT_EXCEEDED",
            "ACQ.BEYOND_PAY_RESTRICTION,             MERCHANT.LIMIT_EXCEEDED",
            "ACQ.BEYOND_PER_RECEIPT_RESTRICTION,     MERCHANT.LIMIT_EXCEEDED",
            "ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR, CONSUMER.LIMIT_EXCEEDED",
            "ACQ.PAYMENT_REQUEST_HAS_RISK,           CONSUMER.RISK_REJECTED",
            "ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE,   CONSUMER.HUABEI_UNAVAILABLE",
            "ACQ.TOTAL_FEE_EXCEED,                   POLICY.AMOUNT_OUT_OF_RANGE",
            "ACQ.CONTEXT_INCONSISTENT,               OPERATION.DUPLICATE_REQUEST",
            "ACQ.ACCESS_FORBIDDEN,                   MERCHANT.PRODUCT_NOT_SIGNED",
            "ACQ.ERROR_BUYER_CERTIFY_LEVEL_LIMIT,    CONSUMER.NOT_CERTIFIED",
            "ACQ.INVALID_PARAMETER,                  INTEGRATION.REQUEST_REJECTED",
            "ACQ.TRADE_NOT_EXIST,                    OPERATION.ORIGINAL_NOT_FOUND",
            "ACQ.TRADE_STATUS_ERROR,                 OPERATION.WRONG_TRANSACTION_TYPE",
            "ACQ.TRADE_HAS_FINISHED,                 OPERATION.NOT_REFUNDABLE",
            "ACQ.TRADE_CANCEL_TIME_OUT,              OPERATION.NOT_VOIDABLE",
            "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL,         OPERATION.REFUND_ABOVE_REMAINING",
            "ACQ.DISCORDANT_REPEAT_REQUEST,          OPERATION.DUPLICATE_REQUEST",
    })
    void aBusinessFailureIsARefusalWithItsReasonAndTheRawCodeKept(String subCode, String expectedNearest) {
        alipay.pay.then(ScriptedAlipay.failed("40004", subCode));

        ChannelAnswer answer = gateway.pay(payAlipay(true));

        ChannelAnswer.Refused refused = (ChannelAnswer.Refused) answer;
        assertThat(refused.raw()).isEqualTo(new RawCode("40004/" + subCode));
        assertThat(refused.reason()).isEqualTo(expectedReason(subCode, expectedNearest));
        assertThat(fixtures.unmapped.counted(Channel.ALIPAY, "40004/" + subCode)).isZero();
    }

    /** The table's row for the sub_code says exactly the expected reason. */
    private static ReasonCode expectedReason(String subCode, String expected) {
        CodeRow row = AlipayCodes.SUB_CODES.find(subCode).orElseThrow();
        CodeMeaning.Refusal refusal = (CodeMeaning.Refusal) row.meaning(false);
        assertThat(refusal.reason().code()).isEqualTo(expected);
        return ReasonCode.ofCode(expected);
    }

    @Test
    void noPaymentInstrumentWhenWeDisabledHuabeiMeansTheConsumerMustPayWithOtherFunds() {
        alipay.pay.then(ScriptedAlipay.failed("40004", "ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE"));

        ChannelAnswer answer = gateway.pay(payAlipay(false));

        assertThat(((ChannelAnswer.Refused) answer).reason()).isEqualTo(ReasonCode.CONSUMER_INSUFFICIENT_FUNDS);
    }

    @ParameterizedTest(name = "{0}/{1} → pending {2}")
    @CsvSource({
            "10003, ,                  CONSUMER_CONFIRMING",
            "20000, isp.unknow-error,  SYSTEM_ERROR",
            "20000, ,                  SYSTEM_ERROR",
            "40004, ACQ.SYSTEM_ERROR,  SYSTEM_ERROR",
    })
    void waitingForTheBuyerAndSystemErrorsArePendingNeverRefused(String code, String subCode, PendingCause cause) {
        alipay.pay.then(ScriptedAlipay.failed(code, subCode));

        ChannelAnswer answer = gateway.pay(payAlipay(true));

        assertThat(answer).isEqualTo(new ChannelAnswer.Pending(AlipayCodes.raw(code, subCode), cause));
    }

    @Test
    void noAnswerIsATimeoutToQuery() {
        alipay.pay.thenNoAnswer();
        assertThat(gateway.pay(payAlipay(true))).isEqualTo(new ChannelAnswer.Pending(new RawCode("TIMEOUT"), PendingCause.TIMEOUT));
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsStillATimeout() {
        alipay.pay.thenLate(ScriptedAlipay.paid("ALIPAYACCOUNT", null), Fixtures.TIMEOUT.plusMillis(1));
        assertThat(gateway.pay(payAlipay(true))).isInstanceOf(ChannelAnswer.Pending.class);
    }

    @Test
    void anAnswerExactlyAtTheTimeoutCounts() {
        alipay.pay.thenLate(ScriptedAlipay.paid("ALIPAYACCOUNT", null), Fixtures.TIMEOUT);
        assertThat(gateway.pay(payAlipay(true))).isInstanceOf(ChannelAnswer.Paid.class);
    }

    @Test
    void tradeHasSuccessOnARetryIsAPaymentWhoseTradeNumberComesFromAQuery() {
        alipay.pay.then(ScriptedAlipay.failed("40004", "ACQ.TRADE_HAS_SUCCESS"));
        alipay.query.then(ScriptedAlipay.status("TRADE_SUCCESS"));

        ChannelAnswer answer = gateway.pay(payAlipay(true));

        assertThat(answer).isInstanceOf(ChannelAnswer.Paid.class);
        assertThat(((ChannelAnswer.Paid) answer).tradeNo().value()).isEqualTo("2026112322001400000000000001");
        assertThat(alipay.query.requests().getFirst().outTradeNo()).isEqualTo(PAYMENT.value());
    }

    @Test
    void tradeHasSuccessWhoseQueryFailsStaysPendingForTheQueryLoop() {
        alipay.pay.then(ScriptedAlipay.failed("40004", "ACQ.TRADE_HAS_SUCCESS"));
        alipay.query.thenNoAnswer();

        assertThat(gateway.pay(payAlipay(true))).isInstanceOf(ChannelAnswer.Pending.class);
    }

    @Test
    void huabeiNotAllowedDisablesPcreditAndItsInstallments() {
        alipay.pay.then(ScriptedAlipay.paid("ALIPAYACCOUNT", null));
        gateway.pay(payAlipay(false));
        assertThat(alipay.pay.requests().getFirst().disablePayChannels()).isEqualTo("pcredit,pcreditpayInstallment");
    }

    @Test
    void huabeiAllowedDisablesNothingAndSendsNoExtendParams() {
        alipay.pay.then(ScriptedAlipay.paid("PCREDIT", null));
        ChannelAnswer answer = gateway.pay(payAlipay(true));
        AlipayPayRequest sent = alipay.pay.requests().getFirst();
        assertThat(sent.disablePayChannels()).isNull();
        assertThat(sent.hbFqNum()).isNull();
        assertThat(sent.hbFqSellerPercent()).isNull();
        assertThat(((ChannelAnswer.Paid) answer).fundingSource()).isEqualTo(FundingSource.HUABEI);
    }

    @ParameterizedTest(name = "{0} installments, {1} bears the fee → hb_fq_num={0}, hb_fq_seller_percent={2}")
    @CsvSource({"3, BUYER, 0", "6, MERCHANT, 100", "12, BUYER, 0", "12, MERCHANT, 100"})
    void installmentsBecomeExtendParams(int count, InstallmentFeeBearer bearer, String sellerPercent) {
        alipay.pay.then(new AlipayPayResponse("10000", "Success", null, null, "2026112322001400000000000002", PAYMENT.value(),
                java.util.List.of(new AlipayFundBill("PCREDIT", null, Money.parse("600.00"))), count));
        PayCommand command = new PayCommand(PAYMENT, MERCHANT, TERMINAL, PaymentMethod.HUABEI, Money.parse("600.00"),
                Installments.of(count, bearer), CODE, true);

        ChannelAnswer answer = gateway.pay(command);

        AlipayPayRequest sent = alipay.pay.requests().getFirst();
        assertThat(sent.hbFqNum()).isEqualTo(Integer.toString(count));
        assertThat(sent.hbFqSellerPercent()).isEqualTo(sellerPercent);
        assertThat(((ChannelAnswer.Paid) answer).fundingSource()).isEqualTo(FundingSource.HUABEI_INSTALLMENT);
    }

    @ParameterizedTest(name = "fund_channel {0} {1} → {2}")
    @CsvSource({"ALIPAYACCOUNT, , WALLET_BALANCE", "FINANCEACCOUNT, , WALLET_BALANCE", "PCREDIT, , HUABEI",
            "BANKCARD, DEBIT_CARD, DEBIT_CARD", "BANKCARD, CREDIT_CARD, CREDIT_CARD", "COUPON, , OTHER"})
    void theFundingSourceComesFromTheFundBillList(String fundChannel, String fundType, FundingSource expected) {
        alipay.pay.then(ScriptedAlipay.paid(fundChannel, fundType));
        assertThat(((ChannelAnswer.Paid) gateway.pay(payAlipay(true))).fundingSource()).isEqualTo(expected);
    }

    @Test
    void anUnknownSubCodeUnderBusinessFailedIsARefusalKeptRawAndCounted() {
        alipay.pay.then(ScriptedAlipay.failed("40004", "ACQ.SOMETHING_NEW"));

        ChannelAnswer answer = gateway.pay(payAlipay(true));

        assertThat(answer).isInstanceOf(ChannelAnswer.Refused.class);
        assertThat(answer.raw()).isEqualTo(new RawCode("40004/ACQ.SOMETHING_NEW"));
        assertThat(fixtures.meters.get(UnmappedCodes.METRIC).tag("channel", "ALIPAY").tag("code", "40004/ACQ.SOMETHING_NEW")
                .counter().count()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0}/{1} is unknown, so pending")
    @CsvSource({"40004, isp.rpc-timeout", "40004, ACQ.NEW_SYSTEM_ERROR", "50000, ", "20000, isp.new-busy"})
    void anUnknownSystemClassCodeIsPendingAndCounted(String code, String subCode) {
        alipay.pay.then(ScriptedAlipay.failed(code, subCode));

        ChannelAnswer answer = gateway.pay(payAlipay(true));

        assertThat(answer).isInstanceOf(ChannelAnswer.Pending.class);
        assertThat(fixtures.unmapped.counted(Channel.ALIPAY, AlipayCodes.raw(code, subCode).value())).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "query trade_status {0}")
    @CsvSource({"TRADE_SUCCESS, PAID", "TRADE_FINISHED, PAID", "WAIT_BUYER_PAY, PENDING", "TRADE_CLOSED, REFUSED"})
    void aQueryAnswersByTradeStatus(String status, String expected) {
        alipay.query.then(ScriptedAlipay.status(status));
        ChannelAnswer answer = gateway.query(Fixtures.trade(PaymentMethod.ALIPAY, "100.00", null));
        assertThat(answer.getClass().getSimpleName().toUpperCase()).isEqualTo(expected);
    }

    @Test
    void aQueryThatDoesNotFindTheTradeIsPendingNotARefusal() {
        alipay.query.then(new AlipayQueryResponse("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在", null, null, null, null));
        assertThat(gateway.query(Fixtures.trade(PaymentMethod.ALIPAY, "100.00", null))).isInstanceOf(ChannelAnswer.Pending.class);
    }

    @ParameterizedTest(name = "cancel action={0} → money returned {1}")
    @CsvSource({"close, false", "refund, true"})
    void aCancelSaysWhetherMoneyWentBack(String action, boolean returned) {
        alipay.cancel.then(new AlipayCancelResponse("10000", "Success", null, null, "N", action));
        CancelAnswer answer = gateway.cancel(Fixtures.trade(PaymentMethod.ALIPAY, "100.00", null));
        assertThat(answer).isEqualTo(new CancelAnswer.Cancelled(new RawCode("10000/action=" + action), returned));
    }

    @Test
    void aCancelWithRetryFlagIsNotCancelled() {
        alipay.cancel.then(new AlipayCancelResponse("40004", "Business Failed", "ACQ.SYSTEM_ERROR", "系统错误", "Y", null));
        assertThat(gateway.cancel(Fixtures.trade(PaymentMethod.ALIPAY, "100.00", null)))
                .isEqualTo(new CancelAnswer.NotCancelled(new RawCode("40004/ACQ.SYSTEM_ERROR/retry_flag=Y")));
    }

    @Test
    void aRefundSendsTheRefundIdAsOutRequestNoAndAnUnknownAnswerIsPending() {
        alipay.refund.thenNoAnswer();
        alipay.refund.then(new AlipayRefundResponse("10000", "Success", null, null, "N", Money.parse("30.00")));
        var command = Fixtures.refund(RefundKind.REFUND, Fixtures.trade(PaymentMethod.ALIPAY, "100.00", "2026112322001400000000000001"), "30.00");

        assertThat(gateway.refund(command)).isInstanceOf(RefundAnswer.Pending.class);
        assertThat(gateway.refund(command)).isInstanceOf(RefundAnswer.Refunded.class);
        assertThat(alipay.refund.requests()).extracting(AlipayRefundRequest::outRequestNo).containsExactly("R-T-000000000043", "R-T-000000000043");
    }

    @Test
    void aRefundPastItsTimeIsRefused() {
        alipay.refund.then(new AlipayRefundResponse("40004", "Business Failed", "ACQ.TRADE_HAS_FINISHED", "交易已完结", null, null));
        var command = Fixtures.refund(RefundKind.REFUND, Fixtures.trade(PaymentMethod.ALIPAY, "100.00", "2026112322001400000000000001"), "30.00");
        assertThat(gateway.refund(command)).isEqualTo(new RefundAnswer.Refused(new RawCode("40004/ACQ.TRADE_HAS_FINISHED"),
                ReasonCode.OPERATION_NOT_REFUNDABLE));
    }

    @Test
    void aVoidIsACancelThatRefunds() {
        alipay.cancel.then(new AlipayCancelResponse("10000", "Success", null, null, "N", "refund"));
        var command = Fixtures.refund(RefundKind.VOID, Fixtures.trade(PaymentMethod.ALIPAY, "100.00", "2026112322001400000000000001"), "100.00");
        assertThat(gateway.voidSale(command)).isInstanceOf(RefundAnswer.Refunded.class);
        assertThat(alipay.cancel.requests().getFirst().tradeNo()).isEqualTo("2026112322001400000000000001");
    }

    @Test
    void aMerchantWithoutAnAlipayAppIsNotConnected() {
        AlipayGateway unconnected = new AlipayGateway(alipay, merchant -> Optional.empty(), fixtures.calls(Channel.ALIPAY));
        assertThat(((ChannelAnswer.Refused) unconnected.pay(payAlipay(true))).reason()).isEqualTo(ReasonCode.INTEGRATION_CHANNEL_NOT_CONNECTED);
        assertThat(alipay.pay.calls()).isZero();
    }

    @Test
    void aCardIsNotSentToAlipay() {
        PayCommand card = new PayCommand(PAYMENT, MERCHANT, TERMINAL, PaymentMethod.ALIPAY, Money.parse("1.00"), Installments.NONE,
                new Instrument.CardReference("card-1"), true);
        assertThat(((ChannelAnswer.Refused) gateway.pay(card)).reason()).isEqualTo(ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE);
    }
}
