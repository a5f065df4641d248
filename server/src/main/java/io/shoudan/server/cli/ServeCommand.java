package io.shoudan.server.cli;

import io.shoudan.payment.PaymentService;
import io.shoudan.payment.SaleOutcome;
import io.shoudan.sandbox.http.SandboxServer;
import io.shoudan.server.serve.ChannelsConfiguration;
import io.shoudan.server.serve.KeyInjectionFile;
import io.shoudan.server.serve.RecoverySweep;
import io.shoudan.server.serve.Server;
import io.shoudan.server.terminal8583.EndpointLimits;
import io.shoudan.store.database.DatabaseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * {@code ./shoudan serve}: the gateway for terminals. Opens the store, recovers what a previous run left open (and,
 * every {@code --recover-every} seconds, what is left open while serving), serves ISO 8583 terminals over TCP and
 * the sandbox channels' HTTP API, until Ctrl-C or SIGTERM.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve POS terminals: ISO 8583 over TCP, the store, the payment service, the sandbox channels.",
                "服务 POS 终端：ISO 8583 TCP 接入、存储、支付服务、沙箱渠道。"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Store URL (jdbc:h2:… or jdbc:postgresql:…). Default: SHOUDAN_DB_URL, else the embedded file under --data.")
    String db;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
            description = "Folder of the embedded store, the generated master key (DIR/keys/master.key, unless --master-key-file or "
                    + "SHOUDAN_MASTER_KEY gives one), the demo's key-injection file and the sandbox keys (DIR/sandbox). Default ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--master-key-file", paramLabel = "FILE",
            description = {"File holding the master key (64 hex digits) that seals the store's keys and card data; every node of one"
                    + " store needs the same key. Default: SHOUDAN_MASTER_KEY, else DIR/keys/master.key (generated on first start).",
                    "主密钥文件（64 个十六进制数字）；同一存储的所有节点须使用同一主密钥。"})
    Path masterKeyFile;

    @Option(names = "--port8583", defaultValue = "8583", paramLabel = "PORT",
            description = "ISO 8583 terminal port (0: any free port). Default ${DEFAULT-VALUE}.")
    int port8583;

    @Option(names = "--sandbox-port", defaultValue = "8090", paramLabel = "PORT",
            description = "Sandbox HTTP port (Alipay gateway, WeChat Pay, admin API; loopback; 0: any free port). Default ${DEFAULT-VALUE}.")
    int sandboxPort;

    @Option(names = "--seed", defaultValue = "20261123", description = "Seed of the sandbox (payment codes, consumers) and the demo world.")
    long seed;

    @Option(names = "--seed-demo", description = {"Seed the demo's sample world into an empty store and bind its terminals with TMKs,"
            + " written for key injection to DIR/keys/" + KeyInjectionFile.FILE_NAME + " (owner-only); lists the terminals"
            + " (terminal id, merchant id, TMK check value).",
            "向空库写入演示数据并为终端装载主密钥（写入仅属主可读的密钥注入文件，不在屏幕显示）。"})
    boolean seedDemo;

    @Option(names = "--recover-every", defaultValue = "60", paramLabel = "SECONDS",
            description = {"While serving, take on payments left unresolved (a cancel that could not get through) every SECONDS."
                    + " Default ${DEFAULT-VALUE}.", "服务期间每隔 SECONDS 秒恢复未决交易。"})
    long recoverEverySeconds;

    @Option(names = "--recover-idle", defaultValue = "300", paramLabel = "SECONDS",
            description = {"Only payments unchanged for SECONDS: longer than another node over the same store can still be"
                    + " working on one (4 min 12 s with the default plans). Default ${DEFAULT-VALUE}.",
                    "仅恢复 SECONDS 秒内未变化的交易（须长于其他节点处理一笔交易的最长时间）。"})
    long recoverIdleSeconds;

    @Option(names = "--node", paramLabel = "NAME",
            description = {"This node's name in the store's claims on payments being settled; keep it across restarts, unique"
                    + " among running nodes. Default: host name and a digest of --data.",
                    "节点名（用于存储中的交易认领）：重启后保持不变，运行中的节点互不相同。"})
    String node;

    private final Consumer<Server> awaitStop;
    private final Map<String, String> environment;

    /** Runs until the JVM is asked to stop (Ctrl-C, SIGTERM), configured by the process's environment. */
    public ServeCommand() {
        this(System.getenv());
    }

    /** Runs until the JVM is asked to stop, configured by {@code environment} (the store, the master key, the channels). */
    public ServeCommand(Map<String, String> environment) {
        this(ServeCommand::untilShutdown, environment);
    }

    /** @param awaitStop blocks for as long as the server should run (tests return at once) */
    ServeCommand(Consumer<Server> awaitStop) {
        this(awaitStop, System.getenv());
    }

    ServeCommand(Consumer<Server> awaitStop, Map<String, String> environment) {
        this.awaitStop = Objects.requireNonNull(awaitStop, "awaitStop");
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> env = environment;
        RecoverySweep.Schedule sweep = sweepSchedule();
        String thisNode = nodeName();
        FreePort.require("--port8583", null, port8583);
        FreePort.require("--sandbox-port", SandboxServer.HOST, sandboxPort);
        WritableFolder.require("--data", data);
        DatabaseConfig database = db != null || env.containsKey(DatabaseConfig.URL_VARIABLE)
                ? DatabaseConfig.resolve(Optional.ofNullable(db), env)
                : DatabaseConfig.resolve(Optional.of("jdbc:h2:file:" + data.resolve("shoudan").toAbsolutePath()), env);
        Server.Settings settings = new Server.Settings(database, ChannelsConfiguration.resolve(env, seed), port8583, sandboxPort, data,
                seedDemo, env, PaymentService.defaultPlans(), EndpointLimits.DEFAULTS, Duration.ofDays(7), sweep, thisNode,
                masterKeyFile);
        Server server = Server.start(settings);
        try {
            print(out, server, database, seedDemo);
            awaitStop.accept(server);
        } finally {
            server.stop();
        }
        return 0;
    }

    private String nodeName() {
        if (node == null) {
            return Server.defaultNodeName(data);
        }
        if (!Server.isNodeName(node)) {
            throw new ParameterException(spec.commandLine(), "--node must be 1-64 letters, digits, '.', '_', ':' or '-', got '"
                    + node + "' / --node 须为 1-64 个字母、数字或 . _ : -");
        }
        return node;
    }

    /** One recovered payment as a person reads it: its id and how it ended, in English and Chinese. */
    static String recovered(SaleOutcome outcome) {
        return switch (outcome) {
            case SaleOutcome.Succeeded s -> s.payment().id() + "  succeeded 已成功";
            case SaleOutcome.Failed f -> f.payment().id() + "  failed 已失败";
            case SaleOutcome.Declined d -> d.payment().id() + "  declined 已拒绝";
            case SaleOutcome.Reversed r -> r.payment().id() + "  reversed, the money returned 已冲正";
            case SaleOutcome.StillUnknown u -> u.payment().id() + "  still unknown, retried by the sweep 结果未明，巡检继续处理";
            case SaleOutcome.ReversedBeforeArrival e -> "reversed before it arrived 到达前已冲正";
            case SaleOutcome.Rejected r -> "refused 已拒绝";
        };
    }

    private RecoverySweep.Schedule sweepSchedule() {
        if (recoverEverySeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--recover-every must be a positive number of seconds, got "
                    + recoverEverySeconds + " / --recover-every 必须为正的秒数");
        }
        if (recoverIdleSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--recover-idle cannot be negative, got "
                    + recoverIdleSeconds + " / --recover-idle 不能为负");
        }
        return new RecoverySweep.Schedule(Duration.ofSeconds(recoverEverySeconds), Duration.ofSeconds(recoverIdleSeconds));
    }

    /** The shutdown hook stops the server itself: the JVM does not wait for the main thread once hooks are done. */
    private static void untilShutdown(Server server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "shoudan-serve-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The banner; with {@code --seed-demo}, the bound terminals by check value and where their TMKs were written. */
    static void print(PrintWriter out, Server server, DatabaseConfig database, boolean listDemoTerminals) {
        out.println("Shoudan serve 收单服务");
        out.println("  store 存储:               " + database.url().redacted());
        out.println("  master key 主密钥:        " + server.masterKeyOrigin() + ", KCV 校验值 " + server.masterKeyCheckValue());
        out.println("  node 节点:                " + server.node());
        out.println("  channels 渠道:            " + server.channelsDescription());
        out.println("  BIN table 卡 BIN 表:      " + server.binTableSource());
        long unknown = server.recovery().stillUnknown();
        out.printf("  recovery 恢复:            %d payment(s), %d refund(s) taken on; %d still unknown%n",
                server.recovery().payments().size(), server.recovery().refunds().size(), unknown);
        for (SaleOutcome outcome : server.recovery().payments()) {
            out.println("    " + recovered(outcome));
        }
        RecoverySweep.Schedule sweep = server.recoverySweep().schedule();
        out.printf("  recovery sweep 恢复巡检:   every %d s, payments unchanged for %d s 每 %d 秒，恢复 %d 秒未变化的交易%n",
                sweep.every().toSeconds(), sweep.idleAtLeast().toSeconds(), sweep.every().toSeconds(), sweep.idleAtLeast().toSeconds());
        out.println("  ISO 8583 terminals 终端:  port " + server.port8583());
        if (server.settings().channels() instanceof ChannelsConfiguration.Sandbox) {
            out.println("  sandbox 沙箱:             " + server.sandboxServer().baseUrl() + "  (admin API 管理接口 " + server.sandboxServer().adminUrl() + ")");
        }
        if (server.seeded()) {
            out.println("  demo world seeded 已写入演示数据");
        }
        if (listDemoTerminals) {
            out.println("  demo terminals 演示终端:");
            out.println("    field 41  field 42         serial           TMK KCV 终端主密钥校验值 (TDES, UnionPay ECB MAC)");
            for (Server.DemoTerminal t : server.demoTerminals()) {
                out.printf("    %s  %s  %-16s %s%n", t.pos().terminalId(), t.pos().acceptorId(), t.terminal().sn().value(), t.tmkCheckValue());
            }
            out.println("  TMKs for key injection 终端主密钥注入文件 (owner-only 仅属主可读): " + server.demoKeyFile()
                    .map(file -> file.toAbsolutePath().toString())
                    .orElse("none in this --data (written where the demo world was seeded) 本数据目录中没有（在写入演示数据的节点上）"));
        }
        out.println("Ctrl-C to stop 按 Ctrl-C 停止");
        out.flush();
    }
}
