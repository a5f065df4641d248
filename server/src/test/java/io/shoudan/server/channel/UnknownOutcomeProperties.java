package io.shoudan.server.channel;

import io.shoudan.ledger.LedgerReport;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RefundRequest;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.SaleOutcome;
import io.shoudan.payment.SaleRequest;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.CardStatus;
import io.shoudan.sandbox.consumer.Consumer;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.consumer.Pin;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.fault.Operation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any seed: sales, refunds and voids on the three channels with faults injected at random into
 * every operation. Afterwards (one recovery pass with the channels healthy again) no payment or refund
 * is left open, the channels hold exactly what our books say, and what the consumers lost is what the
 * merchant received.
 */
class UnknownOutcomeProperties {

    private static final Money START_FUNDS = Money.parse("5000.00");
    private static final Set<PaymentState> FINAL = EnumSet.of(PaymentState.SUCCEEDED, PaymentState.FAILED, PaymentState.REVERSED,
            PaymentState.PARTIALLY_REFUNDED, PaymentState.REFUNDED, PaymentState.VOIDED);

    @Property(tries = 12)
    void whateverFailsEveryPaymentEndsOnceAndTheMoneyAgrees(@ForAll long seed) {
        ChannelWorld w = new ChannelWorld(seed, (sandbox, transport) -> transport);
        PaymentService service = w.service();
        SplittableRandom random = new SplittableRandom(seed);
        for (Channel channel : Channel.values()) {
            w.sandbox.faults().add(rule(channel, Operation.PAY, 12, new Fault.ResponseLost()));
            w.sandbox.faults().add(rule(channel, Operation.PAY, 10, new Fault.SystemError()));
            w.sandbox.faults().add(rule(channel, Operation.PAY, 5, new Fault.ServiceUnavailable()));
            w.sandbox.faults().add(rule(channel, Operation.PAY, 10, new Fault.UserPaying(Optional.of(Duration.ofSeconds(7)))));
            w.sandbox.faults().add(rule(channel, Operation.PAY, 6, new Fault.UserPaying(Optional.empty())));
            w.sandbox.faults().add(rule(channel, Operation.PAY, 8, new Fault.Delay(Duration.ofSeconds(12))));
            w.sandbox.faults().add(rule(channel, Operation.QUERY, 15, new Fault.SystemError()));
            w.sandbox.faults().add(rule(channel, Operation.QUERY, 10, new Fault.ResponseLost()));
            w.sandbox.faults().add(rule(channel, Operation.CANCEL, 20, new Fault.ResponseLost()));
            w.sandbox.faults().add(rule(channel, Operation.CANCEL, 15, new Fault.SystemError()));
            w.sandbox.faults().add(rule(channel, Operation.REFUND, 20, new Fault.ResponseLost()));
            w.sandbox.faults().add(rule(channel, Operation.REFUND, 15, new Fault.SystemError()));
            w.sandbox.faults().add(rule(channel, Operation.VOID, 20, new Fault.ResponseLost()));
        }
        List<Consumer> payers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String pan = String.format("62220200000004%05d", i);
            payers.add(w.consumer(ConsumerSetup.of("p" + i).alipayBalance(START_FUNDS).wechatBalance(START_FUNDS)
                    .card("card", CardKind.DEBIT, pan, Pin.of("123456"), START_FUNDS, CardStatus.ACTIVE)));
            w.cards.hold(new Instrument.CardReference("card-p" + i), new SandboxCards.CardData(pan, Pin.of("123456")));
        }
        Money fundsBefore = w.sandbox.fundsTotal();
        List<SaleRequest> succeeded = new ArrayList<>();
        int adjustments = 0;

        for (int n = 0; n < 30; n++) {
            Consumer payer = payers.get(random.nextInt(payers.size()));
            String amount = Money.ofFen(100 + random.nextLong(30_000)).toString();
            SaleRequest sale = switch (random.nextInt(4)) {
                case 0 -> w.sale(PaymentMethod.ALIPAY, amount, new Instrument.ScannedCode(w.code(payer, Channel.ALIPAY)));
                case 1 -> w.sale(PaymentMethod.WECHAT_PAY, amount, new Instrument.ScannedCode(w.code(payer, Channel.WECHAT)));
                case 2 -> w.sale(PaymentMethod.UNIONPAY_QR, amount, new Instrument.ScannedCode(w.code(payer, Channel.UNIONPAY)));
                default -> w.sale(PaymentMethod.UNIONPAY_DEBIT, amount, new Instrument.CardReference("card-" + payer.id().value()));
            };
            if (service.sale(sale) instanceof SaleOutcome.Succeeded) {
                succeeded.add(sale);
            }
            if (!succeeded.isEmpty() && random.nextInt(3) == 0) {
                SaleRequest original = succeeded.get(random.nextInt(succeeded.size()));
                RequestId request = new RequestId.Client(String.format("000009-%06d", ++adjustments));
                if (random.nextBoolean()) {
                    service.voidSale(PaymentWorld.MERCHANT, request, original.request());
                } else {
                    service.refund(RefundRequest.refund(PaymentWorld.MERCHANT, request, original.request(),
                            Money.ofFen(1 + random.nextLong(original.amount().fen()))));
                }
            }
        }
        w.sandbox.faults().clear();
        service.recover();

        assertThat(w.world.store.payments()).hasSize(30);
        assertThat(w.world.store.payments()).extracting(Payment::state).allMatch(FINAL::contains);
        assertThat(w.world.store.payments()).allMatch(payment -> payment.refundsPending().isZero());
        LedgerReport report = service.checkLedger();
        assertThat(report.passed()).as(String.join("\n", report.lines())).isTrue();
        assertThat(w.receivedAtChannels()).as("the channels' receipts equal our books").isEqualTo(w.booked());
        Money lost = Money.ZERO;
        for (Consumer payer : payers) {
            lost = lost.plus(START_FUNDS.plus(START_FUNDS).plus(START_FUNDS).minus(w.sandbox.consumers().get(payer.id()).fundsTotal()));
        }
        assertThat(lost).as("what the consumers lost is what the merchant received").isEqualTo(w.receivedAtChannels());
        assertThat(w.sandbox.fundsTotal()).isEqualTo(fundsBefore);
    }

    private static FaultRule rule(Channel channel, Operation operation, int percent, Fault fault) {
        return new FaultRule(channel, Set.of(operation), null, 1, percent, fault);
    }
}
