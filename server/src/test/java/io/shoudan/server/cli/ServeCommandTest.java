package io.shoudan.server.cli;

import io.shoudan.server.serve.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {

    @TempDir
    Path data;

    @Test
    void itPrintsThePortsTheRecoveryAndTheDemoTerminalsWithoutTheMasterKey() throws Exception {
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
                .contains("recovery 恢复:            0 payment(s)").contains("demo world seeded");
        Server.DemoTerminal first = terminals.get(0);
        assertThat(printed).contains(first.pos().terminalId() + "  " + first.pos().acceptorId() + "  " + first.terminal().sn().value())
                .contains(first.tmkHex());
        String masterKeyHex = Files.readString(data.resolve("keys/master.key")).trim();
        assertThat(printed).contains("generated").doesNotContainIgnoringCase(masterKeyHex);
    }
}
