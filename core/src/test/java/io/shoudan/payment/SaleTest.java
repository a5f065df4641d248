package io.shoudan.payment;

import io.shoudan.eligibility.PaymentIntent;
import io.shoudan.fee.InstallmentFeeBearer;
import io.shoudan.ledger.Account;
import io.shoudan.ledger.Journal;
import io.shoudan.ledger.JournalKind;
import io.shoudan.ledger.LedgerReport;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.payment.testing.SimulatedChannel;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.terminal.TerminalSn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static io.shoudan.payment.testing.PaymentWorld.MERCHANT;
import static io.shoudan.payment.testing.PaymentWorld.sale;
import static org.assertj.core.api.Assertions.assertThat;

class SaleTest {

    private final PaymentWorld world = new PaymentWorld();
    private final PaymentService service = world.service();

    @ParameterizedTest(name = "{0} {1} CNY succeeds with fee {2}")
    @CsvSource({
            "ALIPAY, 100.00, 0.38",
            "WECHAT_PAY, 25.00, 0.10",
            "UNIONPAY_QR, 24.99, 0.09",
            "UNIONPAY_DEBIT, 5000.00, 20.00",
            "UNIONPAY_CREDIT, 5000.00, 30.00",
            "HUABEI, 1000.00, 6.00",
    })
    void aSaleTheChannelPaysSucceedsWithItsFeeFixedAndBooked(PaymentMethod method, String amount, String fee) {
        SaleOutcome outcome = service.sale(sale("000001-000001", method, amount));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        Payment payment = ((SaleOutcome.Succeeded) outcome).payment();
        assertThat(payment.state()).isEqualTo(PaymentState.SUCCEEDED);
        assertThat(payment.fixedFee()).hasValueSatisfying(quote -> {
            assertThat(quote.total()).isEqualTo(Money.parse(fee));
            assertThat(quote.rateCard()).isEqualTo(PaymentWorld.card(MERCHANT, method));
            assertThat(quote.rateCardVersion()).isEqualTo(1);
        });
        assertThat(payment.channelTradeNo()).isNotNull();
        assertThat(world.store.journalsOf(payment.id())).extracting(Journal::kind).containsExactly(JournalKind.SALE, JournalKind.FEE);
        LedgerReport report = service.checkLedger();
        assertThat(report.passed()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.merchants()).singleElement().satisfies(balance ->
                assertThat(balance.payable()).isEqualTo(Money.parse(amount).minus(Money.parse(fee))));
    }

    @Test
    void thePaymentIsStoredProcessingBeforeTheChannelIsCalled() {
        List<PaymentState> seenByChannel = new ArrayList<>();
        ChannelGateway watching = new ForwardingGateway(world.alipay) {
            @Override
            public ChannelAnswer pay(PayCommand command) {
                seenByChannel.add(world.store.findPayment(command.payment()).orElseThrow().state());
                return super.pay(command);
            }
        };
        PaymentService watched = world.serviceWith(watching);

        watched.sale(sale("000001-000001", PaymentMethod.ALIPAY, "10.00"));

        assertThat(seenByChannel).containsExactly(PaymentState.PROCESSING);
    }

    @Test
    void aSaleTheGateRefusesIsStoredDeclinedWithEveryReasonAndNoChannelIsAsked() {
        world.verdicts.set((snapshot, intent) -> PaymentWorld.refuse(intent,
                Reason.of(ReasonCode.MERCHANT_PRODUCT_NOT_SIGNED, "product", "HUABEI"),
                Reason.of(ReasonCode.POLICY_INDUSTRY_RESTRICTED, "mcc", "5944"),
                Reason.of(ReasonCode.MAINTENANCE_CHANNEL_DEGRADED, "channel", "ALIPAY")));

        SaleOutcome outcome = service.sale(PaymentWorld.huabei("000001-000002", "1288.00", 3, InstallmentFeeBearer.BUYER));

        assertThat(outcome).isInstanceOfSatisfying(SaleOutcome.Declined.class, declined -> {
            Payment payment = declined.payment();
            assertThat(payment.state()).isEqualTo(PaymentState.DECLINED);
            assertThat(payment.verdict()).extracting(Reason::code).containsExactly(ReasonCode.MERCHANT_PRODUCT_NOT_SIGNED,
                    ReasonCode.POLICY_INDUSTRY_RESTRICTED, ReasonCode.MAINTENANCE_CHANNEL_DEGRADED);
            assertThat(payment.failure().reason()).isEqualTo(ReasonCode.MERCHANT_PRODUCT_NOT_SIGNED);
            assertThat(world.store.findPayment(payment.id())).contains(payment);
        });
        assertThat(world.alipay.calls().get("pay")).isZero();
        assertThat(world.store.journals()).isEmpty();
        assertThat(world.gateCalls).singleElement().satisfies(intent -> {
            assertThat(intent.method()).isEqualTo(PaymentMethod.HUABEI);
            assertThat(intent.installments()).isEqualTo(3);
            assertThat(intent.paymentCode()).isEqualTo(PaymentWorld.ALIPAY_CODE);
        });
    }

    @Test
    void aWarningDoesNotStopASaleAndIsKeptWithIt() {
        world.verdicts.set((snapshot, intent) -> PaymentWorld.refuse(intent, Reason.of(ReasonCode.MAINTENANCE_CHANNEL_DEGRADED, "channel", "WECHAT")));
        SaleOutcome outcome = service.sale(sale("000001-000003", PaymentMethod.WECHAT_PAY, "10.00"));
        assertThat(outcome).isInstanceOfSatisfying(SaleOutcome.Succeeded.class, succeeded ->
                assertThat(succeeded.payment().verdict()).extracting(Reason::code).containsExactly(ReasonCode.MAINTENANCE_CHANNEL_DEGRADED));
    }

    @Test
    void aSaleTheChannelRefusesFailsWithTheMappedReasonAndTheRawCodeKept() {
        world.alipay.nextPay(SimulatedChannel.PayFault.REFUSED);

        SaleOutcome outcome = service.sale(sale("000001-000004", PaymentMethod.ALIPAY, "88.00"));

        assertThat(outcome).isInstanceOfSatisfying(SaleOutcome.Failed.class, failed -> {
            assertThat(failed.payment().state()).isEqualTo(PaymentState.FAILED);
            assertThat(failed.payment().failure()).isEqualTo(new Failure(ReasonCode.CONSUMER_INSUFFICIENT_FUNDS,
                    new RawCode("40004/ACQ.BUYER_BALANCE_NOT_ENOUGH")));
            assertThat(failed.payment().fixedFee()).isEmpty();
        });
        assertThat(world.store.journals()).isEmpty();
    }

    @Test
    void aSaleFromATerminalNotRegisteredToTheMerchantIsDeclined() {
        SaleRequest stranger = new SaleRequest(MERCHANT, new TerminalSn("NOT-OURS-1"), new RequestId.Client("1"), PaymentMethod.ALIPAY,
                Money.parse("1.00"), null, new Instrument.ScannedCode(PaymentWorld.ALIPAY_CODE));
        assertThat(service.sale(stranger)).isInstanceOfSatisfying(SaleOutcome.Declined.class, declined ->
                assertThat(declined.payment().failure().reason()).isEqualTo(ReasonCode.TERMINAL_UNBOUND));
    }

    @Test
    void aMethodWithoutARateCardIsDeclinedNamingWhatIsMissing() {
        MerchantId unpriced = new MerchantId("M-NO-PRICES");
        SaleOutcome outcome = service.sale(sale(unpriced, "000001-000005", PaymentMethod.ALIPAY, "10.00"));
        assertThat(outcome).isInstanceOfSatisfying(SaleOutcome.Declined.class, declined -> {
            Reason reason = declined.payment().verdict().getFirst();
            assertThat(reason.code()).isEqualTo(ReasonCode.INTEGRATION_METHOD_NOT_OFFERED);
            assertThat(reason.evidence().text("missing")).contains("no rate card for merchant M-NO-PRICES and ALIPAY on 2026-11-23");
        });
        assertThat(world.alipay.calls().get("pay")).isZero();
    }

    @ParameterizedTest
    @CsvSource({"0.00", "-5.00"})
    void aNonPositiveAmountIsDeclinedEvenIfTheGateMissedIt(String amount) {
        SaleOutcome outcome = service.sale(sale("000001-000006", PaymentMethod.ALIPAY, amount));
        assertThat(outcome).isInstanceOfSatisfying(SaleOutcome.Declined.class, declined ->
                assertThat(declined.payment().failure().reason()).isEqualTo(ReasonCode.OPERATION_INVALID_AMOUNT));
    }

    @Test
    void huabeiIsDisabledAtAlipayWhenTheGateWouldRefuseItForThisMerchant() {
        List<PayCommand> sent = new ArrayList<>();
        world.verdicts.set((snapshot, intent) -> intent.method() == PaymentMethod.HUABEI
                ? PaymentWorld.refuse(intent, Reason.of(ReasonCode.MERCHANT_PRODUCT_NOT_SIGNED, "product", "HUABEI"))
                : PaymentWorld.allow(intent));
        PaymentService recording = world.serviceWith(new ForwardingGateway(world.alipay) {
            @Override
            public ChannelAnswer pay(PayCommand command) {
                sent.add(command);
                return super.pay(command);
            }
        });

        recording.sale(sale("000001-000007", PaymentMethod.ALIPAY, "50.00"));

        assertThat(sent).singleElement().satisfies(command -> assertThat(command.huabeiAllowed()).isFalse());
        assertThat(world.gateCalls).extracting(PaymentIntent::method).containsExactly(PaymentMethod.ALIPAY, PaymentMethod.HUABEI);
    }

    @Test
    void whenTheMerchantBearsTheInstallmentFeeHuabeiWithholdsItFromTheChannelReceivable() {
        SaleOutcome outcome = service.sale(PaymentWorld.huabei("000001-000008", "1000.00", 12, InstallmentFeeBearer.MERCHANT));

        Payment payment = ((SaleOutcome.Succeeded) outcome).payment();
        assertThat(payment.fee().charged().acquirer()).isEqualTo(Money.parse("6.00"));
        assertThat(payment.fee().charged().installment()).isEqualTo(Money.parse("75.00"));
        Journal fee = world.store.journalsOf(payment.id()).get(1);
        assertThat(fee.on(new Account.MerchantPayable(MERCHANT))).isEqualTo(Money.parse("81.00"));
        assertThat(fee.on(Account.FEE_INCOME)).isEqualTo(Money.parse("-6.00"));
        assertThat(fee.on(new Account.ChannelReceivable(Channel.ALIPAY))).isEqualTo(Money.parse("-75.00"));
        assertThat(service.checkLedger().merchants()).singleElement().satisfies(balance ->
                assertThat(balance.payable()).isEqualTo(Money.parse("919.00")));
    }

    @Test
    void aBuyerBorneInstallmentFeeIsQuotedButNeverBooked() {
        Payment payment = ((SaleOutcome.Succeeded) service.sale(PaymentWorld.huabei("000001-000009", "1000.00", 3, InstallmentFeeBearer.BUYER))).payment();
        assertThat(payment.fee().installmentFeeBuyer()).isEqualTo(Money.parse("23.00"));
        assertThat(payment.fee().total()).isEqualTo(Money.parse("6.00"));
        assertThat(service.checkLedger().merchants()).singleElement().satisfies(balance ->
                assertThat(balance.payable()).isEqualTo(Money.parse("994.00")));
    }

    @Test
    void aRateCardChangedAfterTheSaleDoesNotRepriceIt() {
        Payment payment = ((SaleOutcome.Succeeded) service.sale(sale("000001-000010", PaymentMethod.ALIPAY, "1000.00"))).payment();
        world.rateCards.add(new io.shoudan.fee.RateCard(PaymentWorld.card(MERCHANT, PaymentMethod.ALIPAY), 2, MERCHANT, PaymentMethod.ALIPAY,
                java.time.LocalDate.of(2026, 11, 1), null, new io.shoudan.fee.FeeRule.Scan(io.shoudan.fee.Rate.percent("0.6"))));

        Payment later = ((SaleOutcome.Succeeded) service.sale(sale("000001-000011", PaymentMethod.ALIPAY, "1000.00"))).payment();

        assertThat(world.store.findPayment(payment.id()).orElseThrow().fee().total()).isEqualTo(Money.parse("3.80"));
        assertThat(later.fee().total()).isEqualTo(Money.parse("6.00"));
        assertThat(later.fee().rateCardVersion()).isEqualTo(2);
    }
}
