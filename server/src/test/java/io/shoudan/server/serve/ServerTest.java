package io.shoudan.server.serve;

import io.shoudan.iso8583.key.KeyCheckValue;
import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RecoveryPlan;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.fault.Operation;
import io.shoudan.server.terminal8583.EndpointLimits;
import io.shoudan.server.terminal8583.simulator.TerminalProfile;
import io.shoudan.server.terminal8583.simulator.TerminalSimulator;
import io.shoudan.server.terminal8583.simulator.TestCard;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TerminalStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.shoudan.store.database.schema.Tables.CARD_VAULT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve}'s wiring in process, twice over one embedded store: a terminal of the demo world signs on, pays by
 * card and by scan code, voids, and leaves one sale unresolved; the second start recovers it, and the terminal's
 * keys and payments are still there.
 */
class ServerTest {

    /** One query, one cancel, no waiting: the unknown-outcome protocol without its real delays. */
    static final RecoveryPlan FAST = new RecoveryPlan(List.of(Duration.ZERO), 1, Duration.ZERO, 1, Duration.ZERO);

    @Test
    void aDemoTerminalTradesAndItsPaymentsKeysAndUnresolvedSalesSurviveARestart(@TempDir Path dir) throws IOException {
        Server.Settings settings = settings(dir, freePort());
        PaymentId stuck;
        KeyCheckValue firstMasterKey;
        Server.DemoTerminal demo;
        TerminalSimulator pos;
        int paymentsBefore;
        try (Server server = Server.start(settings)) {
            assertThat(server.seeded()).isTrue();
            assertThat(server.masterKeyOrigin()).startsWith("generated");
            assertThat(Files.exists(dir.resolve("keys/master.key"))).isTrue();
            firstMasterKey = server.masterKeyCheckValue();
            // The TMKs went to the key-injection file, owner-only, one line per bound terminal — not to the console.
            assertThat(server.demoKeyFile()).contains(KeyInjectionFile.in(dir));
            assertThat(KeyInjectionFile.read(KeyInjectionFile.in(dir))).hasSameSizeAs(server.demoTerminals());
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(KeyInjectionFile.in(dir))))
                        .isEqualTo("rw-------");
            }
            assertThat(server.recovery().payments()).isEmpty();
            demo = DemoTrading.tradingTerminal(server);
            DemoTrading.registerShopper(server);
            pos = DemoTrading.simulator(server, demo);

            assertThat(pos.signOn().responseCode()).isEqualTo("00");

            TerminalSimulator.Exchange card = pos.sale(Money.parse("88.00"), DemoTrading.CARD);
            assertThat(card.response().responseCode()).as("card sale, reason %s", card.response().reason()).isEqualTo("00");
            // Card data is in the vault, encrypted; the PIN block was dropped once translated.
            assertThat(server.app().database().dsl().fetchCount(CARD_VAULT)).isEqualTo(1);
            assertThat(server.app().database().dsl().fetchCount(CARD_VAULT, CARD_VAULT.PIN_BLOCK.isNotNull())).isZero();
            assertThat(server.app().database().dsl().selectFrom(CARD_VAULT).fetchOne().intoList().toString()).doesNotContain(DemoTrading.PAN);

            // The sandbox's stand-in HSM recovered the PIN from the block under the PIK: a wrong PIN is refused by the issuer.
            assertThat(pos.sale(Money.parse("1.00"), TestCard.of(DemoTrading.PAN, "2912", "654321")).response().responseCode()).isNotEqualTo("00");
            TerminalSimulator.Exchange scan = pos.saleByCode(Money.parse("12.34"),
                    server.sandbox().codes().issue(DemoTrading.SHOPPER, Channel.ALIPAY).code());
            assertThat(scan.response().responseCode()).as("scan sale, reason %s", scan.response().reason()).isEqualTo("00");
            var scanTrace = pos.lastTrace();
            assertThat(pos.voidSale(scanTrace, Money.parse("12.34"), scan.response().rrn()).responseCode()).isEqualTo("00");

            // WeChat Pay over HTTP: v2 XML signed with this merchant's own API key, the answer's sign verified.
            TerminalSimulator.Exchange wechat = pos.saleByCode(Money.parse("8.80"),
                    server.sandbox().codes().issue(DemoTrading.SHOPPER, Channel.WECHAT).code());
            assertThat(wechat.response().responseCode()).as("WeChat sale, reason %s", wechat.response().reason()).isEqualTo("00");

            assertThat(pos.corruptNextMac().saleByCode(Money.parse("1.00"), server.sandbox().codes().issue(DemoTrading.SHOPPER, Channel.ALIPAY).code())
                    .response().responseCode()).isEqualTo("A0");
            assertThat(server.endpointMetrics().snapshot().macInvalid()).isEqualTo(1);

            // Alipay takes the money but nothing about it can be learnt or undone: the sale stays UNKNOWN.
            server.sandbox().faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ResponseLost()).onlyFor(Operation.PAY));
            server.sandbox().faults().add(FaultRule.always(Channel.ALIPAY, new Fault.SystemError()).onlyFor(Operation.QUERY, Operation.CANCEL));
            TerminalSimulator.Exchange lost = pos.saleByCode(Money.parse("5.00"), server.sandbox().codes().issue(DemoTrading.SHOPPER, Channel.ALIPAY).code());
            assertThat(lost.response().responseCode()).isEqualTo("98");
            assertThat(server.app().payments().unresolvedPayments()).hasSize(1);
            stuck = server.app().payments().unresolvedPayments().get(0).id();
            paymentsBefore = payments(server).size();
            assertThat(states(server)).contains(PaymentState.SUCCEEDED, PaymentState.VOIDED, PaymentState.UNKNOWN);
        }

        try (Server again = Server.start(settings)) {
            assertThat(again.seeded()).isFalse();
            assertThat(again.masterKeyOrigin()).startsWith("file");
            assertThat(again.recovery().payments()).hasSize(1);
            assertThat(again.recovery().stillUnknown()).isZero();
            assertThat(again.app().payments().unresolvedPayments()).isEmpty();
            assertThat(payments(again)).hasSize(paymentsBefore);
            assertThat(states(again)).contains(PaymentState.SUCCEEDED, PaymentState.VOIDED).doesNotContain(PaymentState.UNKNOWN);
            assertThat(again.app().payments().findPayment(stuck).orElseThrow().state())
                    .isIn(PaymentState.SUCCEEDED, PaymentState.REVERSED, PaymentState.FAILED);
            DemoTrading.registerShopper(again);

            assertThat(again.masterKeyCheckValue()).isEqualTo(firstMasterKey);
            assertThat(again.demoTerminals()).extracting(Server.DemoTerminal::pos, Server.DemoTerminal::tmkCheckValue)
                    .contains(org.assertj.core.groups.Tuple.tuple(demo.pos(), demo.tmkCheckValue()));
            assertThat(again.app().terminals().find(demo.terminal().sn()).orElseThrow().signedOn()).isTrue();

            // The terminal does not sign on again: its working keys were kept (sealed) in the store and verify its MAC.
            pos.connect();
            TerminalSimulator.Exchange after = pos.saleByCode(Money.parse("3.21"), again.sandbox().codes().issue(DemoTrading.SHOPPER, Channel.ALIPAY).code());
            assertThat(after.response().responseCode()).as("reason %s", after.response().reason()).isEqualTo("00");
            assertThat(after.response().macValid()).isTrue();
            assertThat(pos.corruptNextMac().saleByCode(Money.parse("1.00"), again.sandbox().codes().issue(DemoTrading.SHOPPER, Channel.ALIPAY).code())
                    .response().responseCode()).isEqualTo("A0");
            pos.close();
        }
    }

    @Test
    void aSaleLeftUnknownWhileServingIsSettledByTheSweepOnceItsChannelIsBackWithoutARestart(@TempDir Path dir) throws InterruptedException {
        Server.Settings settings = settings(dir, 0, new RecoverySweep.Schedule(Duration.ofMillis(100), Duration.ZERO));
        try (Server server = Server.start(settings)) {
            Server.DemoTerminal demo = DemoTrading.tradingTerminal(server);
            DemoTrading.registerShopper(server);
            TerminalSimulator pos = DemoTrading.simulator(server, demo);
            assertThat(pos.signOn().responseCode()).isEqualTo("00");

            // Alipay takes the money, then neither answers nor can be queried or cancelled: the sale ends UNKNOWN
            // and each sweep run meanwhile finds it so (the sweep leaves it alone while the sale itself is on it).
            server.sandbox().faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ResponseLost()).onlyFor(Operation.PAY));
            server.sandbox().faults().add(FaultRule.always(Channel.ALIPAY, new Fault.SystemError()).onlyFor(Operation.QUERY, Operation.CANCEL));
            TerminalSimulator.Exchange lost = pos.saleByCode(Money.parse("5.00"), server.sandbox().codes().issue(DemoTrading.SHOPPER, Channel.ALIPAY).code());
            assertThat(lost.response().responseCode()).isEqualTo("98");
            PaymentId stuck = server.app().payments().unresolvedPayments().getFirst().id();
            long runsBefore = server.recoverySweep().totals().runs();
            waitUntil(() -> server.recoverySweep().totals().runs() >= runsBefore + 2);
            assertThat(server.app().payments().findPayment(stuck).orElseThrow().state()).isEqualTo(PaymentState.UNKNOWN);

            // The channel is back: a run finds it paid and books it once — or, when the faults clear between a run's
            // failed query and its cancel, cancels it and the channel gives the money back. One final state either way.
            server.sandbox().faults().clear();
            waitUntil(() -> server.app().payments().unresolvedPayments().isEmpty());

            Payment settled = server.app().payments().findPayment(stuck).orElseThrow();
            assertThat(settled.state()).isIn(PaymentState.SUCCEEDED, PaymentState.REVERSED);
            if (settled.state() == PaymentState.REVERSED) {
                assertThat(settled.reversalReturnedMoney()).as("Alipay had taken the money: the cancel gave it back").isTrue();
            }
            // at least once while the channel was away (the run that ended before the second one started), once after;
            // a run counts what it took on when it returns, a moment after it stored the final state the wait above saw
            waitUntil(() -> server.recoverySweep().totals().paymentsTakenOn() >= 2);
            assertThat(server.recoverySweep().totals().failedRuns()).isZero();
            assertThat(server.payments().checkLedger().passed()).isTrue();
            pos.close();
        }
    }

    @Test
    void theSweepsDefaultIdleTimeOutlastsTheLongestAnyDefaultPlanKeepsASaleOnAnotherNode() {
        Duration longest = PaymentService.defaultPlans().values().stream()
                .map(plan -> plan.longestHold(Server.CHANNEL_CALL_TIMEOUT)).max(Duration::compareTo).orElseThrow();

        assertThat(longest).isEqualTo(Duration.ofSeconds(252));
        assertThat(RecoverySweep.Schedule.DEFAULTS.idleAtLeast()).isGreaterThan(longest);
    }

    @Test
    void aNodesDefaultNameStaysTheSameForItsDataDirectoryAndDiffersForAnother(@TempDir Path dir) {
        String name = Server.defaultNodeName(dir);

        assertThat(name).matches("[A-Za-z0-9._:-]{1,64}").isEqualTo(Server.defaultNodeName(dir.resolve(".")));
        assertThat(Server.defaultNodeName(dir.resolve("other"))).isNotEqualTo(name);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The endpoint keeps its port across the restart, so the simulator (which holds the working keys) reconnects as a POS would. */
    static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Server.Settings settings(Path dir, int port8583) {
        return settings(dir, port8583, RecoverySweep.Schedule.DEFAULTS);
    }

    private static Server.Settings settings(Path dir, int port8583, RecoverySweep.Schedule sweep) {
        DatabaseConfig database = DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + dir.resolve("shoudan").toAbsolutePath()));
        return new Server.Settings(database, new ChannelsConfiguration.Sandbox(7), port8583, 0, dir, true, Map.of(),
                Map.of(Channel.ALIPAY, FAST, Channel.WECHAT, FAST, Channel.UNIONPAY, FAST), EndpointLimits.DEFAULTS, Duration.ofDays(7),
                sweep, Server.defaultNodeName(dir), null);
    }

    private static List<Payment> payments(Server server) {
        List<Payment> all = new ArrayList<>();
        server.app().payments().forEachPayment(all::add);
        return all;
    }

    private static List<PaymentState> states(Server server) {
        return payments(server).stream().map(Payment::state).toList();
    }
}
