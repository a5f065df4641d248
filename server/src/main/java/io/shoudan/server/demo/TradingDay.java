package io.shoudan.server.demo;

import io.shoudan.fee.InstallmentFeeBearer;
import io.shoudan.fee.Installments;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.AdjustmentOutcome;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.RefundRequest;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.SaleOutcome;
import io.shoudan.payment.SaleRequest;
import io.shoudan.sandbox.ManualClock;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.store.terminal.TerminalRepository;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.Terminal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * A simulated trading day: cashiers at the sample world's terminals take payments from the sandbox's
 * consumers with every method, make the usual mistakes (a WeChat code scanned for Huabei, a card
 * method on a QR-only terminal, an amount of zero), and void or refund some sales. Every payment goes
 * through the real payment service; the clock is virtual, so a 12-hour day runs in seconds.
 */
public final class TradingDay {

    /** How the cashier's instrument is made: a consumer's fresh code for a channel, or their card. */
    public interface Instruments {
        /** Empty when this consumer has no way to show a code of that channel (e.g. no card bound to UnionPay QR). */
        java.util.Optional<Instrument> scannedCode(ConsumerId consumer, Channel channel);

        /** Empty when this consumer has no card of the kind the method needs. */
        java.util.Optional<Instrument> card(ConsumerId consumer, PaymentMethod method);
    }

    private static final Duration DAY_LENGTH = Duration.ofHours(12);

    private final PaymentService payments;
    private final TerminalRepository terminals;
    private final SampleWorld world;
    private final List<ConsumerId> consumers;
    private final Instruments instruments;
    private final ManualClock clock;
    private final SplittableRandom random;

    public TradingDay(PaymentService payments, TerminalRepository terminals, SampleWorld world, List<ConsumerId> consumers,
                      Instruments instruments, ManualClock clock, long seed) {
        this.payments = payments;
        this.terminals = terminals;
        this.world = world;
        this.consumers = List.copyOf(consumers);
        this.instruments = instruments;
        this.clock = clock;
        this.random = new SplittableRandom(seed);
    }

    /** Runs {@code sales} sales plus voids and refunds; {@code progress} hears the count every so often. */
    public DayReport run(int sales, IntConsumer progress) {
        DayReport report = new DayReport();
        List<Payment> captured = new ArrayList<>();
        List<PaymentId> all = new ArrayList<>(sales);
        Duration step = DAY_LENGTH.dividedBy(sales);
        int requests = 0;
        for (int i = 1; i <= sales; i++) {
            clock.advance(step.plusMillis(random.nextInt(1000)));
            Terminal terminal = terminal();
            // One terminal in fifty has lost its network and is never heard from: it shows up as offline.
            boolean silent = terminal.sn().value().endsWith("49");
            if (!silent) {
                terminals.recordSeen(terminal.sn(), now(), null);
            }
            SaleRequest request = saleAt(terminal, new RequestId.Client("R" + (++requests)), report);
            SaleOutcome outcome = payments.sale(request);
            Payment payment = switch (outcome) {
                case SaleOutcome.Succeeded s -> s.payment();
                case SaleOutcome.Failed f -> f.payment();
                case SaleOutcome.Declined d -> d.payment();
                case SaleOutcome.Reversed r -> r.payment();
                case SaleOutcome.StillUnknown u -> u.payment();
                case SaleOutcome.ReversedBeforeArrival early -> null;
                case SaleOutcome.Rejected rejected -> null;
            };
            if (payment != null) {
                all.add(payment.id());
                if (outcome instanceof SaleOutcome.Succeeded) {
                    captured.add(payment);
                }
            }
            if (!captured.isEmpty() && random.nextInt(100) < 2) {
                Payment original = captured.remove(random.nextInt(captured.size()));
                AdjustmentOutcome voided = payments.voidSale(original.merchant(), new RequestId.Client("R" + (++requests)),
                        original.request().request());
                report.voided(voided instanceof AdjustmentOutcome.Done);
            } else if (!captured.isEmpty() && random.nextInt(100) < 3) {
                Payment original = captured.get(random.nextInt(captured.size()));
                Money part = Money.ofFen(Math.max(1, original.amount().fen() * (1 + random.nextInt(100)) / 100));
                AdjustmentOutcome refunded = payments.refund(RefundRequest.refund(original.merchant(),
                        new RequestId.Client("R" + (++requests)), original.request().request(), part));
                report.refunded(refunded instanceof AdjustmentOutcome.Done, part);
            }
            if (i % 500 == 0) {
                progress.accept(i);
            }
        }
        payments.recover();
        // Tallied at the end of the day, in their final state: a sale voided at noon counts as voided.
        for (PaymentId id : all) {
            payments.find(id).ifPresent(payment -> {
                report.sale(payment);
                report.fee(payment);
            });
        }
        return report;
    }

    /** A till where a customer is paying; merchants that may not trade see few attempts. */
    private Terminal terminal() {
        while (true) {
            Terminal terminal = world.terminals().get(random.nextInt(world.terminals().size()));
            if (world.trades(terminal.merchantId()) || random.nextInt(10) == 0) {
                return terminal;
            }
        }
    }

    private SaleRequest saleAt(Terminal terminal, RequestId id, DayReport report) {
        PaymentMethod method = method(terminal);
        Money amount = amount(method);
        if (random.nextInt(1000) < 3) {
            amount = Money.ZERO;
            report.cashierMistake();
        }
        Installments installments = Installments.NONE;
        if (method == PaymentMethod.HUABEI && amount.fen() >= 60_000 && random.nextInt(10) < 4) {
            int[] counts = {3, 6, 12};
            installments = Installments.of(counts[random.nextInt(3)],
                    random.nextBoolean() ? InstallmentFeeBearer.BUYER : InstallmentFeeBearer.MERCHANT);
        }
        Instrument instrument = null;
        if (method.scansCode()) {
            Channel codeChannel = method.channel();
            if (random.nextInt(100) < 2) {
                codeChannel = Channel.values()[(codeChannel.ordinal() + 1 + random.nextInt(2)) % Channel.values().length];
                report.cashierMistake();
            }
            // The customer in the queue who can show such a code; someone always can.
            while (instrument == null) {
                instrument = instruments.scannedCode(consumers.get(random.nextInt(consumers.size())), codeChannel).orElse(null);
            }
        } else {
            while (instrument == null) {
                instrument = instruments.card(consumers.get(random.nextInt(consumers.size())), method).orElse(null);
            }
        }
        return new SaleRequest(terminal.merchantId(), terminal.sn(), id, method, amount, installments, instrument);
    }

    /** What the customer wants to pay with, given what the terminal can read; now and then the cashier picks wrong. */
    private PaymentMethod method(Terminal terminal) {
        boolean scans = terminal.capabilities().contains(Capability.SCANNER);
        boolean cards = terminal.capabilities().contains(Capability.CHIP);
        if (random.nextInt(100) < 3 || (!scans && !cards)) {
            return PaymentMethod.all().get(random.nextInt(PaymentMethod.all().size()));
        }
        int roll = random.nextInt(100);
        if (scans && (!cards || roll < 70)) {
            int qr = random.nextInt(100);
            return qr < 40 ? PaymentMethod.ALIPAY : qr < 75 ? PaymentMethod.WECHAT_PAY : qr < 92 ? PaymentMethod.HUABEI
                    : PaymentMethod.UNIONPAY_QR;
        }
        return random.nextInt(100) < 60 ? PaymentMethod.UNIONPAY_DEBIT : PaymentMethod.UNIONPAY_CREDIT;
    }

    /** Basket sizes in per-mille of a method's typical amount, roughly log-normal: most small, a few large. */
    private static final int[] BASKET_PERMILLE = {80, 150, 250, 400, 600, 800, 1000, 1000, 1300, 1700, 2400, 3500, 6000, 12000};

    /** Most payments are small; Huabei and cards see the larger baskets. Integer arithmetic only. */
    private Money amount(PaymentMethod method) {
        long typicalFen = switch (method) {
            case HUABEI -> 90_000;
            case UNIONPAY_CREDIT, UNIONPAY_DEBIT -> 30_000;
            default -> 4_500;
        };
        long permille = BASKET_PERMILLE[random.nextInt(BASKET_PERMILLE.length)];
        long jitterPercent = 80 + random.nextInt(41);
        return Money.ofFen(Math.max(1, typicalFen * permille / 1000 * jitterPercent / 100));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), PaymentService.BUSINESS_ZONE);
    }
}
