package io.shoudan.server.cli;

import io.shoudan.server.demo.DemoRun;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code shoudan demo}: the main job on the embedded default. A simulated trading day on a fresh
 * embedded store: a sample portfolio, sandboxed channels with consumers in varied states and
 * injected faults, thousands of payments through the real payment service, then the report.
 * Exit 0 when the ledger checks out, 1 when it does not.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Simulate a trading day on the embedded store and report volumes, refusals, fees and the ledger check.",
                "在内置数据库上模拟一个交易日，报告交易量、拒绝原因、手续费和账务检查。"})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "20261123", description = "Makes the day reproducible (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sales", defaultValue = "5000", description = "Sales to simulate, 100 to 200000 (default ${DEFAULT-VALUE}).")
    int sales;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Run on this store instead (a fresh schema is used); default: a fresh embedded H2 file under ./data/demo/.")
    String db;

    @Override
    public Integer call() throws IOException {
        if (sales < 100 || sales > 200_000) {
            spec.commandLine().getErr().println("demo: --sales: must be from 100 to 200000, got " + sales);
            return DiagnoseCommand.INVALID_INPUT;
        }
        DatabaseConfig database;
        if (db == null) {
            Path dir = Path.of("data", "demo");
            Files.createDirectories(dir);
            String name = "day-" + seed;
            try (Stream<Path> old = Files.list(dir)) {
                for (Path file : old.filter(p -> p.getFileName().toString().startsWith(name + ".")).toList()) {
                    Files.delete(file);
                }
            }
            database = DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath()));
        } else {
            database = DatabaseConfig.resolve(java.util.Optional.of(db), System.getenv())
                    .withSchema("demo_" + seed + "_" + System.currentTimeMillis() / 1000);
        }
        boolean balanced = new DemoRun(seed, sales, database).run(spec.commandLine().getOut(), spec.commandLine().getErr());
        return balanced ? 0 : 1;
    }
}
