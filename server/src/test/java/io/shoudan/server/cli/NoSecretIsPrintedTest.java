package io.shoudan.server.cli;

import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.key.MasterKeyCipher;
import io.shoudan.iso8583.pin.PinBlock;
import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.sandbox.consumer.Consumer;
import io.shoudan.sandbox.consumer.Consumers;
import io.shoudan.sandbox.consumer.FundingSource;
import io.shoudan.sandbox.consumer.SampleConsumers;
import io.shoudan.server.demo.DemoRun;
import io.shoudan.server.serve.DemoTrading;
import io.shoudan.server.serve.KeyInjectionFile;
import io.shoudan.server.serve.Server;
import io.shoudan.server.terminal8583.SettlementTotals;
import io.shoudan.terminal.TraceNo;
import io.shoudan.server.terminal8583.simulator.TerminalSimulator;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;
import io.shoudan.store.terminal8583.TerminalKeyRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing secret reaches a person: {@code serve --seed-demo} with a terminal session (sign-on, card sale with PIN,
 * scan-code sale, void, settlement) and then the demo run while everything printed and logged is captured; none of
 * the card numbers the sandboxes know (beyond first 6 / last 4), the card's track 2, its PIN block, the TMKs, the
 * working keys or the master key is in it. The secrets are taken from the run itself, and the session is checked to
 * have happened, so the check cannot pass by seeing nothing.
 */
class NoSecretIsPrintedTest {

    private static final long SEED = 20261123;
    private static final int DEMO_CONSUMERS = 400;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @TempDir
    Path dir;

    @Test
    void aServedTerminalSessionAndTheDemoPrintAndLogNoCardNumberTrackPinBlockOrKey() throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        List<String> answers = new ArrayList<>();
        boolean demoBalanced;
        Map<String, String> captured;
        try (CapturedOutput output = CapturedOutput.start()) {
            // The capture sees each channel: a marker through each of them.
            System.out.println("marker-stdout");
            System.err.println("marker-stderr");
            LoggerFactory.getLogger("io.shoudan.server.serve.Server").debug("marker-logback");
            java.util.logging.Logger.getLogger("io.shoudan.test").info("marker-jul");

            CommandLine serve = new CommandLine(new ServeCommand(server -> session(server, secrets, answers)));
            serve.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
            serve.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
            int exit = serve.execute("--db", "jdbc:h2:file:" + dir.resolve("serve").toAbsolutePath(), "--data", dir.toString(),
                    "--port8583", "0", "--sandbox-port", "0", "--seed", Long.toString(SEED), "--seed-demo");
            assertThat(exit).isZero();

            demoBalanced = new DemoRun(SEED, 200, DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + dir.resolve("demo").toAbsolutePath())))
                    .run(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
            captured = output.channels();
        }

        // The run really happened: approved answers to every step, the demo's report, both banners.
        assertThat(answers).containsExactly("sign-on 00", "card sale 00", "scan-code sale 00", "void 00", "settlement 00");
        assertThat(demoBalanced).isTrue();
        assertThat(captured.get("stdout")).contains("marker-stdout").contains("Shoudan serve").contains("demo terminals")
                .contains("TMKs for key injection").contains("ledger");
        assertThat(captured.get("stderr")).contains("marker-stderr");
        assertThat(captured.get("logback")).contains("marker-logback");
        assertThat(captured.get("java.util.logging")).contains("marker-jul");

        demoCardNumbers().forEach(pan -> secrets.put("demo card " + masked(pan), pan));
        assertThat(secrets.keySet()).anyMatch(k -> k.startsWith("master key")).anyMatch(k -> k.startsWith("TMK"))
                .anyMatch(k -> k.startsWith("PIK")).anyMatch(k -> k.startsWith("MAK")).anyMatch(k -> k.startsWith("PIN block"))
                .anyMatch(k -> k.startsWith("track 2")).anyMatch(k -> k.startsWith("serve card")).anyMatch(k -> k.startsWith("demo card"));

        List<String> leaks = new ArrayList<>();
        secrets.forEach((what, value) -> captured.forEach((channel, text) -> {
            if (text.toUpperCase(Locale.ROOT).contains(value.toUpperCase(Locale.ROOT))) {
                leaks.add(what + " in " + channel);
            }
        }));
        assertThat(leaks).as("secrets printed or logged").isEmpty();
    }

    /** The terminal session, inside {@code serve}: collects the secrets it handles and the answers it gets. */
    private void session(Server server, Map<String, String> secrets, List<String> answers) {
        try {
            secrets.put("master key", Files.readString(dir.resolve("keys/master.key")).trim());
            for (KeyInjectionFile.Entry entry : KeyInjectionFile.read(server.demoKeyFile().orElseThrow())) {
                secrets.put("TMK of " + entry.pos().terminalId(), HEX.formatHex(entry.tmk().bytes()));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        DemoTrading.registerShopper(server);
        for (Consumer consumer : server.sandbox().consumers().all()) {
            cardNumbers(consumer).forEach(pan -> secrets.put("serve card " + masked(pan), pan));
        }
        Server.DemoTerminal demo = DemoTrading.tradingTerminal(server);
        try (TerminalSimulator pos = DemoTrading.simulator(server, demo)) {
            answers.add("sign-on " + pos.signOn().responseCode());
            TerminalKeyRepository keys = new TerminalKeyRepository(server.app().database(),
                    new MasterKeyCipher(HexFormat.of().parseHex(secrets.get("master key")), new SecureRandom()), Clock.systemUTC());
            TerminalKeyRepository.StoredSession session = keys.session(demo.terminal().sn()).orElseThrow();
            secrets.put("PIK", HEX.formatHex(session.keys().pik().bytes()));
            secrets.put("MAK", HEX.formatHex(session.keys().mak().bytes()));
            DesKey pik = (DesKey) session.keys().pik();
            secrets.put("PIN block under the PIK", HEX.formatHex(PinBlock.encryptFormat0(pik, DemoTrading.CARD.pin(), DemoTrading.CARD.pan())));
            secrets.put("PIN block in clear", HEX.formatHex(PinBlock.clearFormat0(DemoTrading.CARD.pin(), DemoTrading.CARD.pan())));
            secrets.put("track 2", DemoTrading.CARD.track2());

            answers.add("card sale " + pos.sale(Money.parse("88.00"), DemoTrading.CARD).response().responseCode());
            TerminalSimulator.Exchange scan = pos.saleByCode(Money.parse("12.34"),
                    server.sandbox().codes().issue(DemoTrading.SHOPPER, Channel.ALIPAY).code());
            answers.add("scan-code sale " + scan.response().responseCode());
            TraceNo scanTrace = pos.lastTrace();
            answers.add("void " + pos.voidSale(scanTrace, Money.parse("12.34"), scan.response().rrn()).responseCode());
            // one card sale of 88.00 counts; the voided scan-code sale does not
            answers.add("settlement " + pos.settle(new SettlementTotals(8_800, 1, 0, 0, '0', 0, 0, 0, 0, '0')).responseCode());
        }
    }

    /** The card numbers of the demo's consumers: the same seed registers the same people. */
    private static List<String> demoCardNumbers() {
        Consumers consumers = new Consumers(new Object());
        SampleConsumers.register(consumers, "C", DEMO_CONSUMERS, SEED);
        return consumers.all().stream().flatMap(c -> cardNumbers(c).stream()).toList();
    }

    private static List<String> cardNumbers(Consumer consumer) {
        return consumer.sources().stream().filter(FundingSource.BankCard.class::isInstance).map(FundingSource.BankCard.class::cast)
                .map(FundingSource.BankCard::pan).toList();
    }

    private static String masked(String pan) {
        return pan.substring(0, 6) + "…" + pan.substring(pan.length() - 4);
    }
}
