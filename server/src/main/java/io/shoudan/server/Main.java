package io.shoudan.server;

import io.shoudan.eligibility.EligibilityEngine;
import io.shoudan.policy.Policy;
import io.shoudan.server.cli.DemoCommand;
import io.shoudan.server.cli.DiagnoseCommand;
import io.shoudan.server.cli.LedgerCommand;
import io.shoudan.server.cli.SandboxCommand;
import io.shoudan.server.cli.ServeCommand;
import io.shoudan.server.cli.ShoudanCommand;
import io.shoudan.server.iso8583.Iso8583Command;
import io.shoudan.server.scenario.DefaultPolicy;
import io.shoudan.server.scenario.PolicyReader;
import io.shoudan.server.scenario.ScenarioReader;
import io.shoudan.server.scenario.VerdictJson;
import io.shoudan.server.scenario.VerdictText;
import picocli.CommandLine;

import io.shoudan.store.database.DatabaseConfig;

import java.io.OutputStreamWriter;
import java.time.Clock;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Wires Shoudan by hand, in one place, and runs the command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // A command line is no place for a library's banner or tips.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        System.exit(commandLine().execute(args));
    }

    /** The whole command tree, writing UTF-8 whatever the platform's locale says. */
    public static CommandLine commandLine() {
        PolicyReader policyReader = new PolicyReader();
        Supplier<Policy> defaultPolicy = memoized(() -> DefaultPolicy.load(policyReader));
        ScenarioReader scenarios = new ScenarioReader(policyReader, defaultPolicy);
        EligibilityEngine engine = new EligibilityEngine();

        CommandLine cli = new CommandLine(new ShoudanCommand());
        VerdictText text = new VerdictText();
        DiagnoseCommand.ApplicationFactory applications = db -> Application.open(
                DatabaseConfig.resolve(db, System.getenv()), Clock.systemDefaultZone(), policyReader, defaultPolicy);
        cli.addSubcommand("diagnose", new DiagnoseCommand(scenarios, engine, new VerdictJson(), text, applications));
        cli.addSubcommand("demo", new DemoCommand());
        cli.addSubcommand("serve", new ServeCommand());
        cli.addSubcommand("sandbox", new SandboxCommand());
        cli.addSubcommand("iso8583", new Iso8583Command());
        cli.addSubcommand("ledger", new LedgerCommand(applications));
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler(Main::explainFailure);
        return cli;
    }

    /**
     * A command that fails with a message meant for its user (a store URL it cannot use, a store it cannot reach)
     * prints that message on one line, after the command's name, and exits 2 for input it refused, 1 otherwise;
     * {@code SHOUDAN_DEBUG} set adds the stack trace. A failure without a message is a defect: its trace is printed.
     */
    private static int explainFailure(Exception failure, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (!(failure instanceof IllegalArgumentException || failure instanceof IllegalStateException)
                || failure.getMessage() == null) {
            throw failure;
        }
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + failure.getMessage());
        if (System.getenv("SHOUDAN_DEBUG") != null) {
            failure.printStackTrace(err);
        }
        err.flush();
        return failure instanceof IllegalArgumentException ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
