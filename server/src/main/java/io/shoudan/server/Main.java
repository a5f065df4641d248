package io.shoudan.server;

import io.shoudan.eligibility.EligibilityEngine;
import io.shoudan.policy.Policy;
import io.shoudan.server.cli.DemoCommand;
import io.shoudan.server.cli.DiagnoseCommand;
import io.shoudan.server.cli.LedgerCommand;
import io.shoudan.server.cli.SandboxCommand;
import io.shoudan.server.cli.ServeCommand;
import io.shoudan.server.cli.ShoudanCommand;
import io.shoudan.server.cli.WritableFolder;
import io.shoudan.server.iso8583.Iso8583Command;
import io.shoudan.server.scenario.DefaultPolicy;
import io.shoudan.server.scenario.PolicyReader;
import io.shoudan.server.scenario.ScenarioReader;
import io.shoudan.server.scenario.VerdictJson;
import io.shoudan.server.scenario.VerdictText;
import picocli.CommandLine;

import io.shoudan.store.database.DatabaseConfig;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The whole command tree, writing UTF-8 whatever the platform's locale says, configured by the process's environment. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The whole command tree; {@code serve} reads its settings (store, master key, channels) from {@code environment}. */
    public static CommandLine commandLine(Map<String, String> environment) {
        PolicyReader policyReader = new PolicyReader();
        Supplier<Policy> defaultPolicy = memoized(() -> DefaultPolicy.load(policyReader));
        ScenarioReader scenarios = new ScenarioReader(policyReader, defaultPolicy);
        EligibilityEngine engine = new EligibilityEngine();

        CommandLine cli = new CommandLine(new ShoudanCommand());
        VerdictText text = new VerdictText();
        // diagnose and ledger check only read: they never create or migrate a store.
        DiagnoseCommand.ApplicationFactory applications = db -> Application.openExisting(
                DatabaseConfig.resolve(db, System.getenv()), Clock.systemDefaultZone(), policyReader, defaultPolicy);
        cli.addSubcommand("diagnose", new DiagnoseCommand(scenarios, engine, new VerdictJson(), text, applications));
        cli.addSubcommand("demo", new DemoCommand());
        cli.addSubcommand("serve", new ServeCommand(environment));
        cli.addSubcommand("sandbox", new SandboxCommand());
        cli.addSubcommand("iso8583", new Iso8583Command());
        cli.addSubcommand("ledger", new LedgerCommand(applications));
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler(Main::explainFailure);
        cli.setParameterExceptionHandler(Main::explainRefusal);
        return cli;
    }

    /**
     * A command line picocli cannot parse (an unknown option, a value of the wrong kind) is refused on one line after
     * the command's name, exit 2, without the usage text: {@code --help} shows it. Picocli's own messages are English;
     * the Chinese half says where to look.
     */
    private static int explainRefusal(CommandLine.ParameterException refused, String[] args) {
        CommandLine command = refused.getCommandLine();
        PrintWriter err = command.getErr();
        String message = withoutJavaNames(refused.getMessage());
        if (!CHINESE.matcher(message).find()) {
            message += " / 命令行参数有误（用 --help 查看用法）";
        }
        err.println(command.getCommandSpec().qualifiedName() + ": " + message);
        if (System.getenv("SHOUDAN_DEBUG") != null) {
            refused.printStackTrace(err);
        }
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    /** {@code (java.lang.IllegalArgumentException: the text)}, as picocli quotes a converter's failure. */
    private static final Pattern QUOTED_EXCEPTION = Pattern.compile("\\s*\\((?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*: (.*)\\)$");

    /** Picocli's {@code Invalid value for option '--lang': }, shortened to the option as the project's messages start. */
    private static final Pattern INVALID_VALUE = Pattern.compile("^Invalid value for option '([^']+)': ");

    private static String withoutJavaNames(String message) {
        Matcher quoted = QUOTED_EXCEPTION.matcher(message);
        String plain = quoted.find() ? message.substring(0, quoted.start()) + ": " + quoted.group(1) : message;
        return INVALID_VALUE.matcher(plain).replaceFirst("$1: ");
    }

    /**
     * A command that fails with a message meant for its user (a store URL it cannot use, a store it cannot reach, a
     * port in use) or on a file it cannot read or write prints that on one line, after the command's name, and exits 2
     * for input it refused, 1 otherwise;
     * {@code SHOUDAN_DEBUG} set adds the stack trace. A failure without a message is a defect: its trace is printed.
     */
    private static int explainFailure(Exception failure, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        String message = switch (failure) {
            case IllegalArgumentException refused when refused.getMessage() != null -> refused.getMessage();
            case IllegalStateException failed when failed.getMessage() != null -> failed.getMessage();
            case UncheckedIOException io -> io.getMessage() + ": " + WritableFolder.describe(io.getCause())
                    + " / 文件读写失败（请检查该路径的权限和磁盘空间）";
            case IOException io -> WritableFolder.describe(io) + " / 文件读写失败（请检查该路径的权限和磁盘空间）";
            default -> throw failure;
        };
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + message);
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
