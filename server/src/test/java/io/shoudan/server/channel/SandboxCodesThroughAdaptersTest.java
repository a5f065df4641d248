package io.shoudan.server.channel;

import io.shoudan.channels.mapping.AlipayCodes;
import io.shoudan.channels.mapping.CodeMeaning;
import io.shoudan.channels.mapping.CodeRow;
import io.shoudan.channels.mapping.Field39Codes;
import io.shoudan.channels.mapping.WechatCodes;
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
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PendingCause;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.TradeRef;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.reason.ReasonCode;
import io.shoudan.sandbox.consumer.AccountStatus;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.CardStatus;
import io.shoudan.sandbox.consumer.Consumer;
import io.shoudan.sandbox.consumer.ConsumerLimits;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.consumer.HuabeiStatus;
import io.shoudan.sandbox.consumer.Pin;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.MerchantStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each code the sandbox can produce, produced the way a real consumer, merchant or fault produces it,
 * through the real adapter: the port answer and its reason.
 */
class SandboxCodesThroughAdaptersTest {

    private final ChannelWorld w = new ChannelWorld();
    private int payments;

    private static ConsumerSetup rich(String id) {
        return ConsumerSetup.of(id).alipayBalance(Money.parse("5000.00")).wechatBalance(Money.parse("5000.00"));
    }

    private PayCommand command(PaymentMethod method, String amount, Instrument instrument, boolean huabeiAllowed, Installments installments) {
        payments++;
        return new PayCommand(new PaymentId(String.format("P-S-%012d", payments)), PaymentWorld.MERCHANT, PaymentWorld.TERMINAL, method,
                Money.parse(amount), installments, instrument, huabeiAllowed);
    }

    private PayCommand alipay(Consumer consumer, String amount) {
        return command(PaymentMethod.ALIPAY, amount, new Instrument.ScannedCode(w.code(consumer, Channel.ALIPAY)), true, Installments.NONE);
    }

    private PayCommand wechat(Consumer consumer, String amount) {
        return command(PaymentMethod.WECHAT_PAY, amount, new Instrument.ScannedCode(w.code(consumer, Channel.WECHAT)), true, Installments.NONE);
    }

    /** The answer is a refusal with this raw code and exactly the table's reason. */
    private static void assertRefused(ChannelAnswer answer, String raw, ReasonCode expected) {
        assertThat(answer).isInstanceOf(ChannelAnswer.Refused.class);
        assertThat(answer.raw()).isEqualTo(new RawCode(raw));
        CodeRow row = (raw.startsWith("40004/") ? AlipayCodes.SUB_CODES.find(raw.substring(6))
                : raw.startsWith("39=") ? Field39Codes.CODES.find(raw.substring(3)) : WechatCodes.ERR_CODES.find(raw)).orElseThrow();
        CodeMeaning.Refusal refusal = (CodeMeaning.Refusal) (answer.raw().value().contains("NO_PAYMENT_INSTRUMENTS")
                && expected == ReasonCode.CONSUMER_INSUFFICIENT_FUNDS ? row.meaning(true) : row.meaning(false));
        assertThat(refusal.reason()).isEqualTo(expected);
        assertThat(((ChannelAnswer.Refused) answer).reason()).isEqualTo(refusal.reason());
    }

    // ---- Alipay ---------------------------------------------------------------------------

    @Test
    void alipayPaysFromTheBalanceWhenAllIsWell() {
        ChannelAnswer answer = w.alipay.pay(alipay(w.consumer(rich("ann")), "100.00"));
        assertThat(answer).isInstanceOf(ChannelAnswer.Paid.class);
        assertThat(((ChannelAnswer.Paid) answer).fundingSource()).isEqualTo(FundingSource.WALLET_BALANCE);
    }

    @Test
    void anUnissuedAlipayCodeIsAnInvalidPaymentCode() {
        w.consumer(rich("ann"));
        ChannelAnswer answer = w.alipay.pay(command(PaymentMethod.ALIPAY, "1.00", new Instrument.ScannedCode("289999999999999999"), true,
                Installments.NONE));
        assertRefused(answer, "40004/ACQ.PAYMENT_AUTH_CODE_INVALID", ReasonCode.CONSUMER_PAYMENT_CODE_INVALID);
    }

    @Test
    void aShortBalanceIsInsufficientFunds() {
        Consumer bob = w.consumer(ConsumerSetup.of("bob").alipayBalance(Money.parse("10.00")));
        assertRefused(w.alipay.pay(alipay(bob, "100.00")), "40004/ACQ.BUYER_BALANCE_NOT_ENOUGH", ReasonCode.CONSUMER_INSUFFICIENT_FUNDS);
    }

    @Test
    void aShortBankCardIsInsufficientFunds() {
        Consumer cat = w.consumer(ConsumerSetup.of("cat").card("debit", CardKind.DEBIT, "6222020000000000001", Pin.of("123456"),
                Money.parse("10.00"), CardStatus.ACTIVE));
        assertRefused(w.alipay.pay(alipay(cat, "100.00")), "40004/ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH", ReasonCode.CONSUMER_INSUFFICIENT_FUNDS);
    }

    @Test
    void aFrozenBuyerIsAFrozenAccount() {
        Consumer dan = w.consumer(rich("dan").status(AccountStatus.FROZEN));
        assertRefused(w.alipay.pay(alipay(dan, "10.00")), "40004/ACQ.BUYER_ENABLE_STATUS_FORBID", ReasonCode.CONSUMER_ACCOUNT_FROZEN);
    }

    @Test
    void aRiskControlledBuyerIsRiskRejected() {
        Consumer eve = w.consumer(rich("eve").status(AccountStatus.RISK_CONTROLLED));
        assertRefused(w.alipay.pay(alipay(eve, "10.00")), "40004/ACQ.PAYMENT_REQUEST_HAS_RISK", ReasonCode.CONSUMER_RISK_REJECTED);
    }

    @Test
    void anUncertifiedBuyerIsRefused() {
        Consumer fay = w.consumer(rich("fay").notRealNameCertified());
        assertRefused(w.alipay.pay(alipay(fay, "10.00")), "40004/ACQ.ERROR_BUYER_CERTIFY_LEVEL_LIMIT", ReasonCode.CONSUMER_NOT_CERTIFIED);
    }

    @Test
    void aPaymentAboveTheBuyersSingleLimitFails() {
        Consumer gus = w.consumer(rich("gus").limits(new ConsumerLimits(Money.parse("50.00"), Money.parse("1000.00"))));
        assertRefused(w.alipay.pay(alipay(gus, "60.00")), "40004/ACQ.PAYMENT_FAIL", ReasonCode.CONSUMER_ISSUER_DECLINED);
    }

    @Test
    void aPaymentAboveTheBuyersDailyLimitIsRefused() {
        Consumer hal = w.consumer(rich("hal").limits(new ConsumerLimits(Money.parse("500.00"), Money.parse("600.00"))));
        assertThat(w.alipay.pay(alipay(hal, "400.00"))).isInstanceOf(ChannelAnswer.Paid.class);
        assertRefused(w.alipay.pay(alipay(hal, "400.00")), "40004/ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR", ReasonCode.CONSUMER_LIMIT_EXCEEDED);
    }

    @Test
    void aBlockedSellerIsASuspendedMerchant() {
        Consumer ivy = w.consumer(rich("ivy"));
        w.sandbox.merchants().update(MerchantKey.alipay(ChannelWorld.APP_ID), m -> m.withStatus(MerchantStatus.BLOCKED));
        assertRefused(w.alipay.pay(alipay(ivy, "10.00")), "40004/ACQ.SELLER_BEEN_BLOCKED", ReasonCode.MERCHANT_SUSPENDED);
    }

    @Test
    void theMerchantsLimitsAreMerchantLimits() {
        Consumer jon = w.consumer(rich("jon"));
        w.sandbox.merchants().update(MerchantKey.alipay(ChannelWorld.APP_ID),
                m -> m.withLimits(Money.parse("100.00"), Money.parse("150.00"), Money.parse("1000.00")));
        assertRefused(w.alipay.pay(alipay(jon, "100.01")), "40004/ACQ.PRODUCT_AMOUNT_LIMIT_ERROR", ReasonCode.MERCHANT_LIMIT_EXCEEDED);
        assertThat(w.alipay.pay(alipay(jon, "100.00"))).isInstanceOf(ChannelAnswer.Paid.class);
        assertRefused(w.alipay.pay(alipay(jon, "50.01")), "40004/ACQ.BEYOND_PAY_RESTRICTION", ReasonCode.MERCHANT_LIMIT_EXCEEDED);
    }

    @Test
    void theMerchantsMonthlyLimitIsAMerchantLimit() {
        Consumer kim = w.consumer(rich("kim"));
        w.sandbox.merchants().update(MerchantKey.alipay(ChannelWorld.APP_ID),
                m -> m.withLimits(Money.parse("1000.00"), Money.parse("1000.00"), Money.parse("150.00")));
        assertThat(w.alipay.pay(alipay(kim, "100.00"))).isInstanceOf(ChannelAnswer.Paid.class);
        assertRefused(w.alipay.pay(alipay(kim, "50.01")), "40004/ACQ.BEYOND_PER_RECEIPT_RESTRICTION", ReasonCode.MERCHANT_LIMIT_EXCEEDED);
    }

    @Test
    void aHuabeiOnlyBuyerWhereWeDisabledHuabeiMustPayWithOtherFunds() {
        Consumer lea = w.consumer(ConsumerSetup.of("lea").huabei(Money.parse("5000.00"), Money.parse("5000.00"), HuabeiStatus.OPEN));
        PayCommand command = command(PaymentMethod.ALIPAY, "100.00", new Instrument.ScannedCode(w.code(lea, Channel.ALIPAY)), false,
                Installments.NONE);
        assertRefused(w.alipay.pay(command), "40004/ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE", ReasonCode.CONSUMER_INSUFFICIENT_FUNDS);
    }

    @Test
    void aHuabeiBuyerWithOtherFundsPaysWithThemWhenWeDisabledHuabei() {
        Consumer max = w.consumer(ConsumerSetup.of("max").huabei(Money.parse("5000.00"), Money.parse("5000.00"), HuabeiStatus.OPEN)
                .alipayBalance(Money.parse("500.00")));
        PayCommand command = command(PaymentMethod.ALIPAY, "100.00", new Instrument.ScannedCode(w.code(max, Channel.ALIPAY)), false,
                Installments.NONE);
        assertThat(((ChannelAnswer.Paid) w.alipay.pay(command)).fundingSource()).isEqualTo(FundingSource.WALLET_BALANCE);
    }

    @Test
    void anOverdueHuabeiWithNothingElseIsHuabeiUnavailable() {
        Consumer ned = w.consumer(ConsumerSetup.of("ned").huabei(Money.parse("5000.00"), Money.parse("5000.00"), HuabeiStatus.OVERDUE));
        assertRefused(w.alipay.pay(alipay(ned, "100.00")), "40004/ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE", ReasonCode.CONSUMER_HUABEI_UNAVAILABLE);
    }

    @Test
    void huabeiInstallmentsArePaidAsInstallments() {
        Consumer ola = w.consumer(ConsumerSetup.of("ola").huabei(Money.parse("5000.00"), Money.parse("5000.00"), HuabeiStatus.OPEN));
        PayCommand command = command(PaymentMethod.HUABEI, "600.00", new Instrument.ScannedCode(w.code(ola, Channel.ALIPAY)), true,
                Installments.of(6, InstallmentFeeBearer.MERCHANT));
        assertThat(((ChannelAnswer.Paid) w.alipay.pay(command)).fundingSource()).isEqualTo(FundingSource.HUABEI_INSTALLMENT);
    }

    @Test
    void installmentsTheMerchantHasNotSignedAreAccessForbidden() {
        Consumer pia = w.consumer(ConsumerSetup.of("pia").huabei(Money.parse("5000.00"), Money.parse("5000.00"), HuabeiStatus.OPEN));
        w.sandbox.merchants().update(MerchantKey.alipay(ChannelWorld.APP_ID), m -> m.withInstallmentCounts(Set.of(3, 6)));
        PayCommand command = command(PaymentMethod.HUABEI, "600.00", new Instrument.ScannedCode(w.code(pia, Channel.ALIPAY)), true,
                Installments.of(12, InstallmentFeeBearer.BUYER));
        assertRefused(w.alipay.pay(command), "40004/ACQ.ACCESS_FORBIDDEN", ReasonCode.MERCHANT_PRODUCT_NOT_SIGNED);
    }

    @Test
    void anAmountAboveWhatATradeMayBeIsOutOfRange() {
        Consumer quy = w.consumer(rich("quy"));
        assertRefused(w.alipay.pay(alipay(quy, "100000000.01")), "40004/ACQ.TOTAL_FEE_EXCEED", ReasonCode.POLICY_AMOUNT_OUT_OF_RANGE);
    }

    @Test
    void aRetryThatFindsTheTradePaidIsPaidWithItsTradeNumber() {
        Consumer ray = w.consumer(rich("ray"));
        PayCommand first = alipay(ray, "10.00");
        ChannelAnswer.Paid paid = (ChannelAnswer.Paid) w.alipay.pay(first);

        PayCommand retry = new PayCommand(first.payment(), first.merchant(), first.terminal(), first.method(), first.amount(),
                first.installments(), new Instrument.ScannedCode(w.code(ray, Channel.ALIPAY)), true);
        ChannelAnswer again = w.alipay.pay(retry);

        assertThat(again).isInstanceOf(ChannelAnswer.Paid.class);
        assertThat(((ChannelAnswer.Paid) again).tradeNo()).isEqualTo(paid.tradeNo());
    }

    @Test
    void aRetryWithOtherContentIsADuplicateAndAClosedTradeCannotBePaid() {
        Consumer sue = w.consumer(rich("sue"));
        PayCommand first = alipay(sue, "10.00");
        w.alipay.pay(first);
        PayCommand changed = new PayCommand(first.payment(), first.merchant(), first.terminal(), first.method(), Money.parse("11.00"),
                first.installments(), new Instrument.ScannedCode(w.code(sue, Channel.ALIPAY)), true);
        assertRefused(w.alipay.pay(changed), "40004/ACQ.CONTEXT_INCONSISTENT", ReasonCode.OPERATION_DUPLICATE_REQUEST);

        PayCommand other = alipay(sue, "20.00");
        assertThat(w.alipay.cancel(new TradeRef(other.payment(), other.merchant(), other.method(), other.amount(), null)))
                .isInstanceOf(CancelAnswer.Cancelled.class);
        assertRefused(w.alipay.pay(other), "40004/ACQ.TRADE_HAS_CLOSE", ReasonCode.OPERATION_TRADE_CLOSED);
    }

    @Test
    void aBuyerWhoMustConfirmIsPendingNotRefused() {
        Consumer tom = w.consumer(rich("tom"));
        assertThat(w.alipay.pay(alipay(tom, "1000.01"))).isEqualTo(new ChannelAnswer.Pending(new RawCode("10003"), PendingCause.CONSUMER_CONFIRMING));
    }

    @Test
    void systemErrorAndServiceUnavailableArePendingNotRefused() {
        Consumer uma = w.consumer(rich("uma"));
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.SystemError()));
        assertThat(w.alipay.pay(alipay(uma, "10.00"))).isEqualTo(new ChannelAnswer.Pending(new RawCode("40004/ACQ.SYSTEM_ERROR"),
                PendingCause.SYSTEM_ERROR));
        w.sandbox.faults().clear();
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ServiceUnavailable()));
        assertThat(w.alipay.pay(alipay(uma, "10.00"))).isEqualTo(new ChannelAnswer.Pending(new RawCode("20000/isp.unknow-error"),
                PendingCause.SYSTEM_ERROR));
    }

    @Test
    void aLostResponseAndALateOneAreTimeouts() {
        Consumer vic = w.consumer(rich("vic"));
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ResponseLost()));
        assertThat(w.alipay.pay(alipay(vic, "10.00"))).isEqualTo(new ChannelAnswer.Pending(new RawCode("TIMEOUT"), PendingCause.TIMEOUT));
        w.sandbox.faults().clear();
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.Delay(ChannelWorld.TIMEOUT.plusSeconds(1))));
        assertThat(w.alipay.pay(alipay(vic, "10.00"))).isEqualTo(new ChannelAnswer.Pending(new RawCode("TIMEOUT"), PendingCause.TIMEOUT));
    }

    // ---- WeChat Pay ------------------------------------------------------------------------

    @Test
    void wechatPaysFromChange() {
        ChannelAnswer answer = w.wechat.pay(wechat(w.consumer(rich("amy")), "100.00"));
        assertThat(((ChannelAnswer.Paid) answer).fundingSource()).isEqualTo(FundingSource.WALLET_BALANCE);
    }

    @Test
    void anExpiredWechatCodeIsAnInvalidPaymentCode() {
        Consumer ben = w.consumer(rich("ben"));
        PayCommand command = wechat(ben, "10.00");
        w.world.time.advance(Duration.ofSeconds(60));
        assertRefused(w.wechat.pay(command), "AUTHCODEEXPIRE", ReasonCode.CONSUMER_PAYMENT_CODE_INVALID);
    }

    @Test
    void wechatCodesThatAreNotValid() {
        w.consumer(rich("cal"));
        assertRefused(w.wechat.pay(command(PaymentMethod.WECHAT_PAY, "1.00", new Instrument.ScannedCode("284012345678901234"), true,
                Installments.NONE)), "AUTH_CODE_ERROR", ReasonCode.OPERATION_CODE_METHOD_MISMATCH);
        assertRefused(w.wechat.pay(command(PaymentMethod.WECHAT_PAY, "1.00", new Instrument.ScannedCode("134599999999999999"), true,
                Installments.NONE)), "AUTH_CODE_INVALID", ReasonCode.CONSUMER_PAYMENT_CODE_INVALID);
    }

    @Test
    void notEnoughChangeIsInsufficientFunds() {
        Consumer deb = w.consumer(ConsumerSetup.of("deb").wechatBalance(Money.parse("5.00")));
        assertRefused(w.wechat.pay(wechat(deb, "10.00")), "NOTENOUGH", ReasonCode.CONSUMER_INSUFFICIENT_FUNDS);
    }

    @Test
    void aFrozenWechatBuyerIsATradeError() {
        Consumer eli = w.consumer(rich("eli").status(AccountStatus.FROZEN));
        assertRefused(w.wechat.pay(wechat(eli, "10.00")), "TRADE_ERROR", ReasonCode.CONSUMER_RISK_REJECTED);
    }

    @Test
    void aBlockedWechatMerchantHasNoAuthority() {
        Consumer fox = w.consumer(rich("fox"));
        w.sandbox.merchants().update(MerchantKey.wechat(ChannelWorld.MCH_ID), m -> m.withStatus(MerchantStatus.BLOCKED));
        assertRefused(w.wechat.pay(wechat(fox, "10.00")), "NOAUTH", ReasonCode.MERCHANT_PRODUCT_NOT_SIGNED);
    }

    @Test
    void wechatRetriesOfPaidChangedAndReversedOrders() {
        Consumer gil = w.consumer(rich("gil"));
        PayCommand first = wechat(gil, "10.00");
        ChannelAnswer.Paid paid = (ChannelAnswer.Paid) w.wechat.pay(first);

        PayCommand retry = new PayCommand(first.payment(), first.merchant(), first.terminal(), first.method(), first.amount(),
                first.installments(), new Instrument.ScannedCode(w.code(gil, Channel.WECHAT)), true);
        assertThat(((ChannelAnswer.Paid) w.wechat.pay(retry)).tradeNo()).isEqualTo(paid.tradeNo());

        PayCommand changed = new PayCommand(first.payment(), first.merchant(), first.terminal(), first.method(), Money.parse("12.00"),
                first.installments(), new Instrument.ScannedCode(w.code(gil, Channel.WECHAT)), true);
        assertRefused(w.wechat.pay(changed), "OUT_TRADE_NO_USED", ReasonCode.OPERATION_DUPLICATE_REQUEST);

        PayCommand other = wechat(gil, "20.00");
        assertThat(w.wechat.cancel(new TradeRef(other.payment(), other.merchant(), other.method(), other.amount(), null)))
                .isInstanceOf(CancelAnswer.Cancelled.class);
        assertRefused(w.wechat.pay(other), "ORDERREVERSED", ReasonCode.OPERATION_TRADE_CLOSED);
    }

    @Test
    void wechatUserPayingSystemErrorAndBankErrorArePending() {
        Consumer hoa = w.consumer(rich("hoa"));
        assertThat(w.wechat.pay(wechat(hoa, "1000.01"))).isEqualTo(new ChannelAnswer.Pending(new RawCode("USERPAYING"),
                PendingCause.CONSUMER_CONFIRMING));

        w.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.SystemError()));
        assertThat(w.wechat.pay(wechat(hoa, "10.00"))).isEqualTo(new ChannelAnswer.Pending(new RawCode("SYSTEMERROR"), PendingCause.SYSTEM_ERROR));
        w.sandbox.faults().clear();

        Consumer ian = w.consumer(ConsumerSetup.of("ian").card("debit", CardKind.DEBIT, "6222020000000000009", Pin.of("123456"),
                Money.parse("100.00"), CardStatus.ISSUER_UNAVAILABLE));
        assertThat(w.wechat.pay(wechat(ian, "10.00"))).isEqualTo(new ChannelAnswer.Pending(new RawCode("BANKERROR"), PendingCause.SYSTEM_ERROR));
    }

    // ---- UnionPay --------------------------------------------------------------------------

    private ChannelAnswer card(String pan, String pin, String amount, PaymentMethod method) {
        Instrument.CardReference reference = new Instrument.CardReference("card-" + (payments + 1));
        w.cards.hold(reference, new SandboxCards.CardData(pan, pin == null ? null : Pin.of(pin)));
        return w.unionPay.pay(command(method, amount, reference, true, Installments.NONE));
    }

    private void cardholder(String id, CardKind kind, String pan, String balance, CardStatus status) {
        w.consumer(ConsumerSetup.of(id).posOnlyCard("card", kind, pan, Pin.of("123456"), Money.parse(balance), status));
    }

    @Test
    void aCardSaleIsApprovedWithItsRetrievalReference() {
        cardholder("jan", CardKind.DEBIT, "6222020000000000101", "500.00", CardStatus.ACTIVE);
        ChannelAnswer answer = card("6222020000000000101", "123456", "100.00", PaymentMethod.UNIONPAY_DEBIT);
        assertThat(((ChannelAnswer.Paid) answer).fundingSource()).isEqualTo(FundingSource.DEBIT_CARD);
    }

    @Test
    void cardRefusalsCarryTheirField39Reasons() {
        cardholder("kay", CardKind.DEBIT, "6222020000000000102", "50.00", CardStatus.ACTIVE);
        cardholder("lin", CardKind.DEBIT, "6222020000000000103", "500.00", CardStatus.DO_NOT_HONOUR);
        cardholder("mo", CardKind.DEBIT, "6222020000000000104", "500.00", CardStatus.RESTRICTED);
        cardholder("nia", CardKind.DEBIT, "6222020000000000105", "500.00", CardStatus.ISSUER_UNAVAILABLE);

        assertRefused(card("6222020000000000102", "123456", "100.00", PaymentMethod.UNIONPAY_DEBIT), "39=51", ReasonCode.CONSUMER_INSUFFICIENT_FUNDS);
        assertRefused(card("6222020000000000102", "654321", "10.00", PaymentMethod.UNIONPAY_DEBIT), "39=55", ReasonCode.CONSUMER_PIN_INVALID);
        assertRefused(card("6222020000000000103", "123456", "10.00", PaymentMethod.UNIONPAY_DEBIT), "39=05", ReasonCode.CONSUMER_ISSUER_DECLINED);
        assertRefused(card("6222020000000000104", "123456", "10.00", PaymentMethod.UNIONPAY_DEBIT), "39=57", ReasonCode.CONSUMER_ACCOUNT_FROZEN);
        assertRefused(card("6222020000000000105", "123456", "10.00", PaymentMethod.UNIONPAY_DEBIT), "39=91",
                ReasonCode.MAINTENANCE_CHANNEL_UNAVAILABLE);
        assertRefused(card("6222020000000009999", "123456", "10.00", PaymentMethod.UNIONPAY_DEBIT), "39=14", ReasonCode.CONSUMER_PAYMENT_CODE_INVALID);
    }

    @Test
    void aMerchantThatHasNotSignedCreditCardsIsNotSigned() {
        cardholder("ola", CardKind.CREDIT, "6258000000000000106", "5000.00", CardStatus.ACTIVE);
        w.sandbox.merchants().update(MerchantKey.unionpay(ChannelWorld.UP_MID), m -> new io.shoudan.sandbox.merchant.ChannelMerchant(
                m.key(), m.status(), Set.of(io.shoudan.sandbox.merchant.SignedProduct.UNIONPAY_DEBIT), m.installmentCounts(),
                m.perTradeLimit(), m.dailyReceiptLimit(), m.monthlyReceiptLimit()));
        assertRefused(card("6258000000000000106", "123456", "10.00", PaymentMethod.UNIONPAY_CREDIT), "39=58", ReasonCode.MERCHANT_PRODUCT_NOT_SIGNED);
    }

    @Test
    void aSaleAboveTheMerchantsPerTradeLimitExceedsTheAmountLimit() {
        cardholder("pat", CardKind.DEBIT, "6222020000000000107", "5000.00", CardStatus.ACTIVE);
        w.sandbox.merchants().update(MerchantKey.unionpay(ChannelWorld.UP_MID),
                m -> m.withLimits(Money.parse("100.00"), Money.parse("10000.00"), Money.parse("100000.00")));
        assertRefused(card("6222020000000000107", "123456", "100.01", PaymentMethod.UNIONPAY_DEBIT), "39=61", ReasonCode.CONSUMER_LIMIT_EXCEEDED);
    }

    @Test
    void aHostSystemErrorIsPendingAndAQrHolderConfirmingIsPending() {
        cardholder("qi", CardKind.DEBIT, "6222020000000000108", "5000.00", CardStatus.ACTIVE);
        w.sandbox.faults().add(FaultRule.always(Channel.UNIONPAY, new Fault.SystemError()));
        assertThat(card("6222020000000000108", "123456", "10.00", PaymentMethod.UNIONPAY_DEBIT))
                .isEqualTo(new ChannelAnswer.Pending(new RawCode("39=96"), PendingCause.SYSTEM_ERROR));
        w.sandbox.faults().clear();

        Consumer ros = w.consumer(ConsumerSetup.of("ros").card("debit", CardKind.DEBIT, "6222020000000000109", Pin.of("123456"),
                Money.parse("5000.00"), CardStatus.ACTIVE));
        PayCommand qr = command(PaymentMethod.UNIONPAY_QR, "1000.01", new Instrument.ScannedCode(w.code(ros, Channel.UNIONPAY)), true,
                Installments.NONE);
        assertThat(w.unionPay.pay(qr)).isEqualTo(new ChannelAnswer.Pending(new RawCode("39=09"), PendingCause.CONSUMER_CONFIRMING));
    }

    @Test
    void anExpiredQrCodeIsAnInvalidPaymentCode() {
        Consumer sam = w.consumer(ConsumerSetup.of("sam").card("debit", CardKind.DEBIT, "6222020000000000110", Pin.of("123456"),
                Money.parse("5000.00"), CardStatus.ACTIVE));
        PayCommand qr = command(PaymentMethod.UNIONPAY_QR, "10.00", new Instrument.ScannedCode(w.code(sam, Channel.UNIONPAY)), true,
                Installments.NONE);
        w.world.time.advance(Duration.ofSeconds(60));
        assertRefused(w.unionPay.pay(qr), "39=54", ReasonCode.CONSUMER_PAYMENT_CODE_INVALID);
    }

    @Test
    void theSameTraceWithAnotherMessageIsADuplicate() {
        cardholder("tao", CardKind.DEBIT, "6222020000000000111", "5000.00", CardStatus.ACTIVE);
        Instrument.CardReference reference = new Instrument.CardReference("card-tao");
        w.cards.hold(reference, new SandboxCards.CardData("6222020000000000111", Pin.of("123456")));
        PayCommand first = command(PaymentMethod.UNIONPAY_DEBIT, "10.00", reference, true, Installments.NONE);
        assertThat(w.unionPay.pay(first)).isInstanceOf(ChannelAnswer.Paid.class);
        PayCommand changed = new PayCommand(first.payment(), first.merchant(), first.terminal(), first.method(), Money.parse("11.00"),
                first.installments(), reference, true);
        assertRefused(w.unionPay.pay(changed), "39=94", ReasonCode.OPERATION_DUPLICATE_REQUEST);
    }

    @Test
    void noUnmappedCodeWasMetAcrossTheSandboxsRepertoire() {
        aShortBalanceIsInsufficientFunds();
        assertThat(w.meters.find(io.shoudan.channels.UnmappedCodes.METRIC).counters()).isEmpty();
    }
}
