package io.shoudan.server.cli;

import io.shoudan.server.demo.DemoRun;
import io.shoudan.server.demo.DemoStore;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

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
            description = "Run on this store instead (a fresh schema is used); default: a new embedded H2 file under --data.")
    String db;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
            description = {"Each run writes a new file DIR/demo/day-SEED.mv.db (day-SEED-2, -3, … when it exists). Default ${DEFAULT-VALUE}.",
                    "每次运行写入新的 DIR/demo/day-种子.mv.db，已有的文件不会被覆盖。"})
    Path data;

    @Override
    public Integer call() throws IOException {
        if (sales < 100 || sales > 200_000) {
            spec.commandLine().getErr().println("demo: --sales: must be from 100 to 200000, got " + sales
                    + " / --sales 必须在 100 到 200000 之间");
            return DiagnoseCommand.INVALID_INPUT;
        }
        DatabaseConfig database;
        DemoStore shown;
        if (db == null) {
            Path dir = WritableFolder.require("--data", data.resolve("demo"));
            Path day = freshDay(dir, "day-" + seed);
            database = DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + day));
            shown = new DemoStore(day + ".mv.db", "jdbc:h2:file:" + asTyped(day));
        } else {
            String schema = "demo_" + seed + "_" + System.currentTimeMillis() / 1000;
            database = DatabaseConfig.resolve(Optional.of(db), System.getenv()).withSchema(schema);
            String url = database.url().redacted();
            shown = new DemoStore(url + " (schema 模式 " + schema + ")", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        }
        boolean balanced = new DemoRun(seed, sales, database, shown).run(spec.commandLine().getOut(), spec.commandLine().getErr());
        return balanced ? 0 : 1;
    }

    /** {@code dir/name}, or {@code dir/name-2}, {@code -3}, … : the first whose store file does not exist yet. */
    static Path freshDay(Path dir, String name) {
        Path day = dir.resolve(name);
        for (int n = 2; Files.exists(storeFile(day)); n++) {
            day = dir.resolve(name + "-" + n);
        }
        return day;
    }

    private static Path storeFile(Path day) {
        return day.resolveSibling(day.getFileName() + ".mv.db");
    }

    /** The path as the user would type it from here: {@code ./data/demo/day-1} under the working directory, else absolute. */
    private static String asTyped(Path absolute) {
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? "./" + here.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }
}
