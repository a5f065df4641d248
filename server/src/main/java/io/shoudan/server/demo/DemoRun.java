package io.shoudan.server.demo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shoudan.channel.MaintenanceWindow;
import io.shoudan.channels.UnmappedCodes;
import io.shoudan.channels.health.BreakerSettings;
import io.shoudan.channels.health.ChannelHealth;
import io.shoudan.eligibility.EligibilityEngine;
import io.shoudan.fee.FeeRule;
import io.shoudan.fee.Rate;
import io.shoudan.fee.RateCard;
import io.shoudan.fee.RateCardId;
import io.shoudan.ledger.LedgerReport;
import io.shoudan.merchant.Merchant;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.SequentialIds;
import io.shoudan.policy.Policy;
import io.shoudan.sandbox.ManualClock;
import io.shoudan.sandbox.Sandbox;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.FundingSource;
import io.shoudan.sandbox.consumer.SampleConsumers;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.fault.Operation;
import io.shoudan.server.Application;
import io.shoudan.server.channel.SandboxAccounts;
import io.shoudan.server.channel.SandboxCards;
import io.shoudan.server.channel.SandboxChannels;
import io.shoudan.server.live.ChannelStatusOverlay;
import io.shoudan.server.node.NodeIdentity;
import io.shoudan.server.node.NodeWiring;
import io.shoudan.server.node.PaymentParts;
import io.shoudan.server.node.WiredConnections;
import io.shoudan.store.channel.ChannelConnectionRepository;
import io.shoudan.server.scenario.DefaultPolicy;
import io.shoudan.server.scenario.PolicyReader;
import io.shoudan.store.audit.Operator;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.DatabaseConfig;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The demo's trading day: the embedded store seeded with the sample portfolio and the
 * shipped policy, the in-process sandboxes with consumers in varied states and injected channel
 * faults, the real channel adapters behind circuit breakers, and the real payment service gated by
 * the eligibility engine, assembled by {@link NodeWiring} as {@code serve}'s is. Time is virtual: the day runs as fast as the store allows.
 */
public final class DemoRun {

    /** 09:00 in Shanghai on the demo's trading day. */
    static final OffsetDateTime DAY_START = OffsetDateTime.parse("2026-11-23T09:00:00+08:00");

    /** The demo's node: its name in the store's claims on payments. */
    static final NodeIdentity NODE = new NodeIdentity("demo");

    private final long seed;
    private final int sales;
    private final DatabaseConfig database;
    private final DemoStore shown;

    public DemoRun(long seed, int sales, DatabaseConfig database) {
        this(seed, sales, database, null);
    }

    /** @param shown where the day is written, printed with the commands that read it again; {@code null}: not printed */
    public DemoRun(long seed, int sales, DatabaseConfig database, DemoStore shown) {
        this.seed = seed;
        this.sales = sales;
        this.database = database;
        this.shown = shown;
    }

    /** Runs the day, printing progress to {@code progress} and the report to {@code out}; true when the ledger checks out. */
    public boolean run(PrintWriter out, PrintWriter progress) {
        ManualClock clock = new ManualClock(DAY_START.toInstant());
        PolicyReader policyReader = new PolicyReader();
        Supplier<Policy> defaultPolicy = () -> DefaultPolicy.load(policyReader);
        SampleWorld world = SampleWorld.generate(seed, DAY_START);
        Sandbox sandbox = Sandbox.inProcess(clock, seed);
        SandboxAccounts accounts = SandboxAccounts.register(sandbox, world.merchants());
        Database store = Database.open(database);
        // Real breakers over the connections the seeded store records (the demo wires every channel).
        ChannelHealth health = new ChannelHealth(BreakerSettings.defaults(),
                new WiredConnections(EnumSet.allOf(Channel.class), new ChannelConnectionRepository(store, clock)), clock);
        ChannelStatusOverlay overlay = ChannelStatusOverlay.ofNode(health::status, EnumSet.allOf(Channel.class));
        long started = System.nanoTime();
        try (Application app = new Application(store, clock, policyReader, defaultPolicy, overlay)) {
            new Seeder(app).seed(world, DefaultPolicy.document());
            rateCards(world).forEach(app.rateCards()::save);
            app.maintenance().add(new MaintenanceWindow(Channel.WECHAT, DAY_START.plusHours(5),
                    DAY_START.plusHours(5).plusMinutes(20)), Operator.SYSTEM);
            List<ConsumerId> consumers = SampleConsumers.register(sandbox.consumers(), "C", 400, seed).stream()
                    .map(SampleConsumers.Sample::id).toList();
            injectFaults(sandbox);
            SandboxCards cards = new SandboxCards();
            SandboxChannels channels = new SandboxChannels(sandbox, health, new UnmappedCodes(new SimpleMeterRegistry()),
                    Duration.ofSeconds(10),
                    accounts.alipay(), accounts.wechat(), accounts.unionPay(), cards);
            EligibilityEngine engine = new EligibilityEngine();
            PaymentService payments = NodeWiring.paymentService(new PaymentParts(app.payments(), channels.gateways(),
                    PaymentService.defaultPlans(), engine::evaluateWithoutAlternatives, app.snapshots(), app.rateCardsInForce(),
                    new SequentialIds("D1", 1), clock, clock::advance, NODE));
            progress.printf("shoudan demo: %d merchants, %d terminals (%d models), %d consumers; simulating %d sales (seed %d)%n",
                    world.merchants().size(), world.terminals().size(), SampleWorld.MODELS.size(), consumers.size(), sales, seed);
            progress.flush();
            TradingDay day = new TradingDay(payments, app.terminals(), world, consumers, instruments(sandbox, cards), clock, seed);
            DayReport report = day.run(sales, done -> {
                progress.printf("  %,d / %,d sales (%.1f s)%n", done, sales, (System.nanoTime() - started) / 1e9);
                progress.flush();
            });
            LedgerReport ledger = payments.checkLedger();
            DayReportPrinter printer = new DayReportPrinter();
            printer.print(out, report, ledger, world);
            out.printf("%nsimulated 09:00–21:00 in %.1f s of real time%n", (System.nanoTime() - started) / 1e9);
            if (shown != null) {
                printer.printReadingAgain(out, shown, report);
            }
            out.flush();
            return ledger.passed();
        }
    }


    /** Channel faults, deterministic from the seed: system errors, lost responses, slow answers. */
    private static void injectFaults(Sandbox sandbox) {
        sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.SystemError()).onlyFor(Operation.PAY).withPercent(1));
        sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ResponseLost()).onlyFor(Operation.PAY).withPercent(1));
        sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.SystemError()).onlyFor(Operation.PAY).withPercent(2));
        sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.Delay(Duration.ofSeconds(12))).onlyFor(Operation.PAY).withPercent(1));
        sandbox.faults().add(FaultRule.always(Channel.UNIONPAY, new Fault.ResponseLost()).onlyFor(Operation.PAY).withPercent(1));
    }

    /** The fee schedule: debit 0.50% capped at 20 CNY, credit 0.60%, QR 0.38%, Huabei 0.60% plus installment fees. */
    public static List<RateCard> rateCards(SampleWorld world) {
        LocalDate from = DAY_START.toLocalDate().minusMonths(6);
        List<RateCard> cards = new ArrayList<>();
        for (Merchant merchant : world.merchants()) {
            Map<PaymentMethod, FeeRule> rules = new EnumMap<>(PaymentMethod.class);
            rules.put(PaymentMethod.ALIPAY, new FeeRule.Scan(Rate.percent("0.38")));
            rules.put(PaymentMethod.WECHAT_PAY, new FeeRule.Scan(Rate.percent("0.38")));
            rules.put(PaymentMethod.UNIONPAY_QR, new FeeRule.Scan(Rate.percent("0.38")));
            rules.put(PaymentMethod.UNIONPAY_DEBIT, new FeeRule.Debit(Rate.percent("0.5"), Money.ofYuan(20)));
            rules.put(PaymentMethod.UNIONPAY_CREDIT, new FeeRule.Credit(Rate.percent("0.6")));
            rules.put(PaymentMethod.HUABEI, new FeeRule.Huabei(Rate.percent("0.6"), FeeRule.Huabei.assumedInstallmentRates()));
            rules.forEach((method, rule) -> cards.add(new RateCard(
                    new RateCardId(merchant.id().value() + "-" + method), 1, merchant.id(), method, from, null, rule)));
        }
        return cards;
    }

    /** The cashier's instruments: a consumer's fresh code from the sandbox, or their card held for the host. */
    private static TradingDay.Instruments instruments(Sandbox sandbox, SandboxCards cards) {
        return new TradingDay.Instruments() {
            private int cardRefs;

            @Override
            public Optional<Instrument> scannedCode(ConsumerId consumer, Channel channel) {
                if (channel == Channel.UNIONPAY && sandbox.consumers().get(consumer).unionpayQrCard() == null) {
                    return Optional.empty();
                }
                return Optional.of(new Instrument.ScannedCode(sandbox.codes().issue(consumer, channel).code()));
            }

            @Override
            public Optional<Instrument> card(ConsumerId consumer, PaymentMethod method) {
                CardKind kind = method == PaymentMethod.UNIONPAY_CREDIT ? CardKind.CREDIT : CardKind.DEBIT;
                return sandbox.consumers().get(consumer).sources().stream()
                        .filter(FundingSource.BankCard.class::isInstance).map(FundingSource.BankCard.class::cast)
                        .filter(card -> card.kind() == kind)
                        .findFirst()
                        .map(card -> {
                            Instrument.CardReference reference = new Instrument.CardReference("card-" + (++cardRefs));
                            cards.hold(reference, new SandboxCards.CardData(card.pan(), card.pin()));
                            return reference;
                        });
            }
        };
    }

}
