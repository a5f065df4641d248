package io.shoudan.server.cli;

import io.shoudan.iso8583.key.MasterKeyCipher;
import io.shoudan.method.PaymentMethod;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.SaleOutcome;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.server.Main;
import io.shoudan.server.serve.KeyInjectionFile;
import io.shoudan.server.serve.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {

    @TempDir
    Path data;

    @Test
    void itPrintsThePortsTheRecoveryAndTheDemoTerminalsByCheckValueAndWhereTheirKeysWereWrittenButNoKey() throws Exception {
        List<Server.DemoTerminal> terminals = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        ServeCommand command = new ServeCommand(server -> {
            terminals.addAll(server.demoTerminals());
            ports.add(server.port8583());
        });
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));

        int exit = cli.execute("--db", "jdbc:h2:file:" + data.resolve("store").toAbsolutePath(), "--data", data.toString(),
                "--port8583", "0", "--sandbox-port", "0", "--seed-demo");

        assertThat(exit).isZero();
        String printed = out.toString();
        assertThat(ports.get(0)).isPositive();
        assertThat(printed).contains("ISO 8583 terminals 终端:  port " + ports.get(0)).contains("/admin")
                .contains("recovery 恢复:            0 payment(s)").contains("demo world seeded")
                .contains("recovery sweep 恢复巡检:   every 60 s, payments unchanged for 300 s");
        Server.DemoTerminal first = terminals.get(0);
        assertThat(printed).contains(first.pos().terminalId() + "  " + first.pos().acceptorId() + "  " + first.terminal().sn().value())
                .contains(first.tmkCheckValue().toString())
                .contains("TMKs for key injection 终端主密钥注入文件 (owner-only 仅属主可读): " + KeyInjectionFile.in(data).toAbsolutePath());
        List<KeyInjectionFile.Entry> injected = KeyInjectionFile.read(KeyInjectionFile.in(data));
        assertThat(injected).hasSameSizeAs(terminals);
        for (KeyInjectionFile.Entry entry : injected) {
            assertThat(printed).doesNotContainIgnoringCase(HexFormat.of().formatHex(entry.tmk().bytes()));
        }
        String masterKeyHex = Files.readString(data.resolve("keys/master.key")).trim();
        assertThat(printed).contains("generated").doesNotContainIgnoringCase(masterKeyHex)
                .contains(", KCV 校验值 " + new MasterKeyCipher(HexFormat.of().parseHex(masterKeyHex), new SecureRandom()).checkValue());
    }

    @Test
    void withoutSeedDemoNoTerminalIsListed() {
        String store = "jdbc:h2:file:" + data.resolve("store").toAbsolutePath();
        assertThat(new CommandLine(new ServeCommand(server -> { })).execute("--db", store, "--data", data.toString(),
                "--port8583", "0", "--sandbox-port", "0", "--seed-demo")).isZero();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ServeCommand(server -> { }));
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute("--db", store, "--data", data.toString(), "--port8583", "0", "--sandbox-port", "0")).isZero();

        assertThat(out.toString()).contains("Shoudan serve").doesNotContain("demo terminals").doesNotContain("10000001");
    }

    @Test
    void aNodeWhoseMasterKeyFileDoesNotOpenTheStoreRefusesOnOneLineNamingTheOption() throws Exception {
        String store = "jdbc:h2:file:" + data.resolve("store").toAbsolutePath();
        Path clusterKey = Files.writeString(data.resolve("cluster.key"), "6b1f0c2d3e4f5a6b7c8d9eafb0c1d2e3f405162738495a6b7c8d9eafb0c1d2e3");
        Path otherKey = Files.writeString(data.resolve("other.key"), "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        assertThat(new CommandLine(new ServeCommand(server -> { })).execute("--db", store, "--data", data.resolve("node-1").toString(),
                "--master-key-file", clusterKey.toString(), "--port8583", "0", "--sandbox-port", "0", "--seed-demo")).isZero();

        Cli cli = Cli.run("serve", "--db", store, "--data", data.resolve("node-2").toString(), "--master-key-file", otherKey.toString(),
                "--port8583", "0", "--sandbox-port", "0");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.errLines()).singleElement().asString()
                .startsWith("shoudan serve: --master-key-file " + otherKey + ": this master key (KCV ")
                .contains("does not open the keys sealed in the store").contains("无法解开存储中已加密的密钥");
        assertThat(cli.out()).doesNotContain("Shoudan serve");
    }

    @Test
    void theRecoverySweepsScheduleAndTheNodesNameComeFromTheCommandLine() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ServeCommand(server -> { }));
        cli.setOut(new PrintWriter(out, true));

        int exit = cli.execute("--db", "jdbc:h2:file:" + data.resolve("store").toAbsolutePath(), "--data", data.toString(),
                "--port8583", "0", "--sandbox-port", "0", "--recover-every", "5", "--recover-idle", "600", "--node", "pos-gw-1");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("recovery sweep 恢复巡检:   every 5 s, payments unchanged for 600 s")
                .contains("node 节点:                pos-gw-1");
    }

    @ParameterizedTest(name = "{0} {1} is refused, naming the option")
    @CsvSource({"--recover-every, 0", "--recover-every, -5", "--recover-idle, -1", "--node, bad/name"})
    void aSweepScheduleThatCannotWorkIsRefusedBeforeAnythingStarts(String option, String value) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ServeCommand(server -> { }));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("--db", "jdbc:h2:file:" + data.resolve("store").toAbsolutePath(), "--data", data.toString(),
                "--port8583", "0", "--sandbox-port", "0", option, value);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(option + " ").contains(value);
        assertThat(data.resolve("store.mv.db")).doesNotExist();
    }

    @Test
    void aLiveConfigurationWhoseKeyFileIsMissingStopsServeWithOneLineNamingTheSettingExit2() {
        Path missing = data.resolve("secrets/app_private_key.pem");
        Map<String, String> env = Map.of("SHOUDAN_CHANNELS", "live", "SHOUDAN_ALIPAY_APP_ID", "2021000000000001",
                "SHOUDAN_ALIPAY_PRIVATE_KEY_FILE", missing.toString(), "SHOUDAN_ALIPAY_PUBLIC_KEY", "unused");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("serve", "--db", "jdbc:h2:file:" + data.resolve("store").toAbsolutePath(), "--data", data.toString(),
                "--port8583", "0", "--sandbox-port", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("shoudan serve: SHOUDAN_ALIPAY_PRIVATE_KEY_FILE " + missing
                + ": cannot read the Alipay app private key (NoSuchFileException) / 无法读取支付宝应用私钥文件");
        assertThat(out.toString()).doesNotContain("Shoudan serve");
        assertThat(data.resolve("store.mv.db")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            succeeded     | succeeded 已成功
            failed        | failed 已失败
            reversed      | reversed, the money returned 已冲正
            still unknown | still unknown, retried by the sweep 结果未明
            """)
    void aRecoveredPaymentIsListedByItsIdAndHowItEndedNotByAJavaTypeName(String ending, String expected) {
        Payment payment = Payment.declined(new PaymentId("P-R-1"),
                PaymentWorld.sale("R1", PaymentMethod.ALIPAY, "12.00"),
                Instant.parse("2026-11-23T01:00:00Z"), List.of(Reason.of(ReasonCode.TERMINAL_LOCKED, "terminal", "T1")));
        SaleOutcome outcome = switch (ending) {
            case "succeeded" -> new SaleOutcome.Succeeded(payment);
            case "failed" -> new SaleOutcome.Failed(payment);
            case "reversed" -> new SaleOutcome.Reversed(payment);
            default -> new SaleOutcome.StillUnknown(payment);
        };

        assertThat(ServeCommand.recovered(outcome)).startsWith("P-R-1  ").contains(expected).doesNotContain("SaleOutcome", "Payment[");
    }
}
