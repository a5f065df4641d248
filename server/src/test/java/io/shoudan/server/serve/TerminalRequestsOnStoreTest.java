package io.shoudan.server.serve;

import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.message.IsoMessage;
import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.payment.LedgerAudit;
import io.shoudan.payment.PaymentState;
import io.shoudan.reason.ReasonCode;
import io.shoudan.server.terminal8583.AcceptorId;
import io.shoudan.server.terminal8583.EndpointLimits;
import io.shoudan.server.terminal8583.ReasonField;
import io.shoudan.server.terminal8583.SettlementTotals;
import io.shoudan.server.terminal8583.simulator.TerminalProfile;
import io.shoudan.server.terminal8583.simulator.TerminalSimulator;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;
import io.shoudan.store.database.schema.tables.records.EarlyReversalsRecord;
import io.shoudan.store.database.schema.tables.records.PaymentsRecord;
import io.shoudan.store.database.schema.tables.records.RefundsRecord;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TraceNo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.shoudan.store.database.schema.Tables.EARLY_REVERSALS;
import static io.shoudan.store.database.schema.Tables.PAYMENTS;
import static io.shoudan.store.database.schema.Tables.REFUNDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Terminal requests through the ISO 8583 endpoint of a serving node on the durable store, H2 and PostgreSQL: what
 * the rows hold of a terminal's request (terminal id, batch, trace), and reversals as terminals send them — before
 * their sale (across a restart), retried, and of a void.
 */
class TerminalRequestsOnStoreTest {

    /** The two stores a node runs on; PostgreSQL is the one of the development machines (database {@code test}), in a fresh schema. */
    enum Store {
        H2 {
            @Override
            DatabaseConfig config(Path dir) {
                return DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + dir.resolve("shoudan").toAbsolutePath()));
            }
        },
        POSTGRESQL {
            @Override
            DatabaseConfig config(Path dir) {
                return DatabaseConfig.of(new JdbcUrl(PG_URL)).withCredentials(PG_USER, null).withSchema(schema(dir)).withPoolSize(4);
            }
        };

        abstract DatabaseConfig config(Path dir);
    }

    private static final String PG_URL = System.getenv().getOrDefault("SHOUDAN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getenv().getOrDefault("SHOUDAN_TEST_PG_USER", "postgres");

    private static String schema(Path dir) {
        return "shoudan_test_" + Integer.toHexString(dir.toAbsolutePath().toString().hashCode() & 0x7fffffff);
    }

    private Store store;
    private Path dir;
    private TerminalSimulator pos;

    @AfterEach
    void dropSchema() throws Exception {
        if (pos != null) {
            pos.close();
        }
        if (store == Store.POSTGRESQL) {
            try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, null);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema(dir) + " CASCADE");
            }
        }
    }

    private Server.Settings settings(Store on, Path in, int port8583) {
        store = on;
        dir = in;
        return new Server.Settings(on.config(in), new ChannelsConfiguration.Sandbox(7), port8583, 0, in, true, Map.of(),
                Map.of(Channel.ALIPAY, ServerTest.FAST, Channel.WECHAT, ServerTest.FAST, Channel.UNIONPAY, ServerTest.FAST),
                EndpointLimits.DEFAULTS, Duration.ofDays(7), RecoverySweep.Schedule.DEFAULTS, Server.defaultNodeName(in), null);
    }

    /** A demo terminal that trades, signed on, and the sandbox's shopper with money. */
    private TerminalSimulator signedOn(Server server) {
        Server.DemoTerminal demo = DemoTrading.tradingTerminal(server);
        DemoTrading.registerShopper(server);
        pos = DemoTrading.simulator(server, demo);
        assertThat(pos.signOn().responseCode()).isEqualTo("00");
        return pos;
    }

    private static String alipayCode(Server server) {
        return server.sandbox().codes().issue(DemoTrading.SHOPPER, Channel.ALIPAY).code();
    }

    private static Money shoppersMoney(Server server) {
        return server.sandbox().consumers().get(DemoTrading.SHOPPER).fundsTotal();
    }

    private static PaymentsRecord paymentRow(Server server, TerminalSimulator pos, TraceNo trace) {
        return server.app().database().dsl().selectFrom(PAYMENTS)
                .where(PAYMENTS.TERMINAL_ID.eq(pos.profile().terminalId().value()), PAYMENTS.BATCH_NO.eq(pos.batch().value()),
                        PAYMENTS.TRACE_NO.eq(trace.value()))
                .fetchSingle();
    }

    private static void assertLedgerSound(Server server) {
        var report = LedgerAudit.check(server.app().payments());
        assertThat(report.passed()).as(String.join("\n", report.lines())).isTrue();
    }

    private static ReasonCode reasonOf(TerminalSimulator.Response response) {
        return response.reason().map(ReasonField.Decoded::code).orElse(null);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aTerminalsSaleAndItsVoidAreStoredWithTheTerminalBatchAndTrace(Store on, @TempDir Path in) {
        try (Server server = Server.start(settings(on, in, 0))) {
            TerminalSimulator pos = signedOn(server);
            TerminalSimulator.Exchange sale = pos.saleByCode(Money.parse("12.34"), alipayCode(server));
            assertThat(sale.response().responseCode()).as("sale, reason %s", sale.response().reason()).isEqualTo("00");
            TraceNo saleTrace = pos.lastTrace();
            assertThat(pos.voidSale(saleTrace, Money.parse("12.34"), sale.response().rrn()).responseCode()).isEqualTo("00");
            TraceNo voidTrace = pos.lastTrace();

            PaymentsRecord payment = paymentRow(server, pos, saleTrace);
            assertThat(List.of(payment.getRequestKind(), payment.getTerminalId(), payment.getBatchNo(), payment.getTraceNo()))
                    .containsExactly("TERMINAL", pos.profile().terminalId().value(), pos.batch().value(), saleTrace.value());
            assertThat(payment.getState()).isEqualTo(PaymentState.VOIDED.name());
            RefundsRecord voided = server.app().database().dsl().selectFrom(REFUNDS).fetchSingle();
            assertThat(List.of(voided.getRequestKind(), voided.getTerminalId(), voided.getBatchNo(), voided.getTraceNo()))
                    .containsExactly("TERMINAL", pos.profile().terminalId().value(), pos.batch().value(), voidTrace.value());
            assertThat(List.of(voided.getOriginalKind(), voided.getOriginalTerminalId(), voided.getOriginalBatchNo(), voided.getOriginalTraceNo()))
                    .containsExactly("TERMINAL", pos.profile().terminalId().value(), pos.batch().value(), saleTrace.value());
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aReversalThatArrivesBeforeItsSaleEndsTheSaleReversedEvenAcrossARestart(Store on, @TempDir Path in) {
        Server.Settings settings = settings(on, in, ServerTest.freePort());
        IsoMessage late;
        try (Server server = Server.start(settings)) {
            TerminalSimulator pos = signedOn(server);
            late = pos.saleByCodeMessage(Money.parse("66.00"), alipayCode(server));

            assertThat(pos.reverse(late).responseCode()).as("the reversal of a sale not seen yet").isEqualTo("00");
            assertThat(pos.reverse(late).responseCode()).as("the same reversal again").isEqualTo("00");
            EarlyReversalsRecord note = server.app().database().dsl().selectFrom(EARLY_REVERSALS).fetchSingle();
            assertThat(List.of(note.getTerminalId(), note.getBatchNo(), note.getTraceNo(), note.getAmountFen()))
                    .containsExactly(pos.profile().terminalId().value(), pos.batch().value(), pos.lastTrace().value(), 6600L);
        }

        try (Server again = Server.start(settings)) {
            DemoTrading.registerShopper(again);
            Money before = shoppersMoney(again);
            pos.connect();

            TerminalSimulator.Response sale = pos.submit(late);

            assertThat(sale.responseCode()).as("the late sale, reason %s", sale.reason()).isEqualTo("12");
            assertThat(reasonOf(sale)).isEqualTo(ReasonCode.OPERATION_TRADE_CLOSED);
            assertThat(pos.submit(late).responseCode()).as("the late sale retried").isEqualTo("12");
            assertThat(pos.reverse(late).responseCode()).as("the reversal retried after the sale").isEqualTo("00");
            PaymentsRecord payment = paymentRow(again, pos, pos.lastTrace());
            assertThat(payment.getState()).isEqualTo(PaymentState.REVERSED.name());
            assertThat(payment.getRawChannelCode()).isEqualTo("TERMINAL_REVERSAL");
            assertThat(again.app().database().dsl().fetchCount(PAYMENTS)).isEqualTo(1);
            assertThat(shoppersMoney(again)).as("nothing was taken").isEqualTo(before);
            assertLedgerSound(again);
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aBatchWithAVoidAndARefundSettlesOnTheStoreAndMarksItsSaleSettled(Store on, @TempDir Path in) {
        try (Server server = Server.start(settings(on, in, 0))) {
            TerminalSimulator pos = signedOn(server);
            BatchNo batch = pos.batch();
            assertThat(pos.saleByCode(Money.parse("100.00"), alipayCode(server)).response().responseCode()).isEqualTo("00");
            TraceNo kept = pos.lastTrace();
            TerminalSimulator.Exchange voided = pos.saleByCode(Money.parse("7.00"), alipayCode(server));
            TraceNo voidedTrace = pos.lastTrace();
            assertThat(pos.voidSale(voidedTrace, Money.parse("7.00"), voided.response().rrn()).responseCode()).isEqualTo("00");
            assertThat(pos.refund(batch, kept, "1123", Money.parse("40.00")).responseCode()).isEqualTo("00");

            TerminalSimulator.Response wrong = pos.settle(new SettlementTotals(10_700, 2, 4_000, 1, '0', 0, 0, 0, 0, '0'));
            assertThat(wrong.responseCode()).as("the voided sale does not count").isEqualTo("95");
            assertThat(paymentRow(server, pos, kept).getSettledAt()).isNull();
            assertThat(pos.batchUpload(List.of(new SettlementTotals.Uploaded(kept, Money.parse("100.00")))).responseCode()).isEqualTo("00");
            assertThat(pos.batchUpload(List.of(new SettlementTotals.Uploaded(voidedTrace, Money.parse("7.00")))).responseCode()).isEqualTo("95");
            TerminalSimulator.Response right = pos.settle(new SettlementTotals(10_000, 1, 4_000, 1, '0', 0, 0, 0, 0, '0'));

            assertThat(right.responseCode()).isEqualTo("00");
            assertThat(right.message().getString(48).charAt(30)).isEqualTo('1');
            PaymentsRecord settled = server.app().database().dsl().selectFrom(PAYMENTS)
                    .where(PAYMENTS.TERMINAL_ID.eq(pos.profile().terminalId().value()), PAYMENTS.BATCH_NO.eq(batch.value()),
                            PAYMENTS.TRACE_NO.eq(kept.value()))
                    .fetchSingle();
            assertThat(settled.getSettledAt()).isNotNull();
            assertThat(settled.getState()).isEqualTo(PaymentState.PARTIALLY_REFUNDED.name());
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aReversalOfAVoidIsRefusedWith12AndTheVoidStands(Store on, @TempDir Path in) {
        try (Server server = Server.start(settings(on, in, 0))) {
            TerminalSimulator pos = signedOn(server);
            Money before = shoppersMoney(server);
            TerminalSimulator.Exchange sale = pos.saleByCode(Money.parse("30.00"), alipayCode(server));
            assertThat(sale.response().responseCode()).isEqualTo("00");
            TraceNo saleTrace = pos.lastTrace();
            IsoMessage voidRequest = pos.voidMessage(saleTrace, Money.parse("30.00"), sale.response().rrn());
            assertThat(pos.submit(voidRequest).responseCode()).isEqualTo("00");

            TerminalSimulator.Response reversal = pos.reverse(voidRequest);

            assertThat(reversal.responseCode()).isEqualTo("12");
            assertThat(reasonOf(reversal)).isEqualTo(ReasonCode.OPERATION_ADJUSTMENT_NOT_REVERSIBLE);
            assertThat(reversal.reason().orElseThrow().text()).contains("VOID");
            assertThat(pos.reverse(voidRequest).responseCode()).as("retried").isEqualTo("12");
            assertThat(paymentRow(server, pos, saleTrace).getState()).isEqualTo(PaymentState.VOIDED.name());
            assertThat(shoppersMoney(server)).as("the void gave the money back, and it stays back").isEqualTo(before);
            assertLedgerSound(server);
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aReversalOfASaleWhoseAnswerWasLostRetriedIsAnsweredTheSameAndReturnsTheMoneyOnce(Store on, @TempDir Path in) {
        try (Server server = Server.start(settings(on, in, 0))) {
            TerminalSimulator pos = signedOn(server);
            Money before = shoppersMoney(server);
            IsoMessage sale = pos.saleByCodeMessage(Money.parse("40.00"), alipayCode(server));
            assertThat(pos.submit(sale).responseCode()).isEqualTo("00");

            assertThat(pos.reverse(sale).responseCode()).isEqualTo("00");
            assertThat(pos.reverse(sale).responseCode()).as("retried").isEqualTo("00");

            assertThat(paymentRow(server, pos, pos.lastTrace()).getState()).isEqualTo(PaymentState.VOIDED.name());
            assertThat(server.app().database().dsl().fetchCount(REFUNDS)).as("one void, not two").isEqualTo(1);
            assertThat(shoppersMoney(server)).isEqualTo(before);
            assertLedgerSound(server);
        }
    }
}
