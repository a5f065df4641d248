package io.shoudan.server.cli;

import io.shoudan.ledger.LedgerReport;
import io.shoudan.payment.LedgerAudit;
import io.shoudan.server.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code shoudan ledger check}: verifies every ledger invariant over the store and prints what it checked. */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = {"Ledger tools.", "账务工具。"},
        subcommands = LedgerCommand.Check.class)
public final class LedgerCommand {

    private final DiagnoseCommand.ApplicationFactory applications;

    public LedgerCommand(DiagnoseCommand.ApplicationFactory applications) {
        this.applications = applications;
    }

    /**
     * Exit 0 when every invariant holds (or the store holds no journal: nothing to check), 1 when one does not (a
     * finding for a person, not bad input). The store is only read: one that is missing, not Shoudan's or older than
     * this code is refused on one line, never created or migrated.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check that every journal balances and each merchant's payable equals successful − refunded − fees.",
                    "检查每笔分录借贷平衡，且每个商户应付 = 成功 − 退款 − 手续费。"})
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.ParentCommand
        LedgerCommand parent;

        @Option(names = "--db", paramLabel = "JDBC_URL",
                description = "The store (default SHOUDAN_DB_URL, else the embedded H2 file under ./data/).")
        String db;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Application app = parent.applications.open(Optional.ofNullable(db))) {
                LedgerReport report = check(app);
                if (report.journals() == 0 && report.passed()) {
                    out.println("ledger check: nothing to check, the store holds no journals yet (no money has moved)"
                            + " / 账务检查：没有可检查的内容，数据库中还没有分录（尚无资金变动）");
                    out.flush();
                    return 0;
                }
                report.lines().forEach(out::println);
                out.println(report.passed() ? "ledger check: OK / 账务检查通过" : "ledger check: FAILED / 账务检查未通过");
                out.flush();
                return report.passed() ? 0 : 1;
            }
        }
    }

    /** Reads every journal and payment in the store and checks them. */
    public static LedgerReport check(Application app) {
        return LedgerAudit.check(app.payments());
    }
}
