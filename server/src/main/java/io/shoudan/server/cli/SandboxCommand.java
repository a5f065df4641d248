package io.shoudan.server.cli;

import io.shoudan.sandbox.Sandbox;
import io.shoudan.sandbox.SandboxSettings;
import io.shoudan.sandbox.Sleeper;
import io.shoudan.sandbox.consumer.SampleConsumers;
import io.shoudan.sandbox.http.SandboxServer;
import io.shoudan.sandbox.merchant.ChannelMerchant;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.SignedProduct;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * {@code shoudan sandbox}: the Alipay gateway, WeChat Pay v2 and the admin API of the sandbox on one
 * loopback port, until Ctrl-C. Prints the URLs and where the keys are (docs/SANDBOX.md, "HTTP").
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Run the Alipay / WeChat Pay sandbox over HTTP on loopback until Ctrl-C.",
                "在本机回环地址上运行支付宝 / 微信支付沙箱（HTTP），按 Ctrl-C 停止。"})
public final class SandboxCommand implements Callable<Integer> {

    /** The demo merchants {@code --demo} registers. */
    static final String DEMO_ALIPAY_APP_ID = "2021000000000001";
    static final String DEMO_WECHAT_MCH_ID = "1900000001";
    static final String DEMO_UNIONPAY_MID = "898310048990001";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8090", paramLabel = "PORT",
            description = "Loopback port for all endpoints (0: any free port). Default 8090.")
    int port;

    @Option(names = "--data", defaultValue = "data/sandbox", paramLabel = "DIR",
            description = "Folder of the keys: DIR/alipay/*.pem, DIR/wechat/<mch_id>.api_key. Default data/sandbox.")
    Path data;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of payment codes and probabilistic faults.")
    long seed;

    @Option(names = "--demo", description = "Register demo merchants (Alipay " + DEMO_ALIPAY_APP_ID + ", WeChat "
            + DEMO_WECHAT_MCH_ID + ", UnionPay " + DEMO_UNIONPAY_MID + ") and 50 sample consumers.")
    boolean demo;

    private final Consumer<SandboxServer> awaitStop;

    /** Runs until the JVM is asked to stop (Ctrl-C, SIGTERM). */
    public SandboxCommand() {
        this(SandboxCommand::untilShutdown);
    }

    /** @param awaitStop blocks for as long as the sandbox should serve (tests return at once) */
    SandboxCommand(Consumer<SandboxServer> awaitStop) {
        this.awaitStop = Objects.requireNonNull(awaitStop);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FreePort.require("--port", SandboxServer.HOST, port);
        WritableFolder.require("--data", data);
        Sandbox sandbox = new Sandbox(Clock.systemUTC(), Sleeper.real(), seed, SandboxSettings.defaults());
        if (demo) {
            sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.alipay(DEMO_ALIPAY_APP_ID),
                    SignedProduct.ALIPAY_FACE_TO_FACE, SignedProduct.ALIPAY_HUABEI_INSTALLMENT));
            sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.wechat(DEMO_WECHAT_MCH_ID),
                    SignedProduct.WECHAT_MICROPAY));
            sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.unionpay(DEMO_UNIONPAY_MID),
                    SignedProduct.UNIONPAY_DEBIT, SignedProduct.UNIONPAY_CREDIT, SignedProduct.UNIONPAY_QR));
            SampleConsumers.register(sandbox.consumers(), "c", 50, seed);
        }
        SandboxServer server = SandboxServer.start(sandbox, new SandboxServer.Settings(port, data));
        try {
            out.println("Shoudan sandbox 沙箱 — loopback only 仅本机");
            out.println("  Alipay gateway 支付宝网关:  " + server.alipayGatewayUrl());
            out.println("  WeChat Pay v2 微信支付:     " + server.wechatBaseUrl() + "  (/pay/micropay, /pay/orderquery, "
                    + "/secapi/pay/reverse, /secapi/pay/refund)");
            out.println("  Admin API 管理接口:         " + server.adminUrl());
            out.println("  Alipay app private key 应用私钥:      " + server.alipayKeys().appPrivateKeyFile().toAbsolutePath());
            out.println("  Alipay app public key 应用公钥:       " + server.alipayKeys().appPublicKeyFile().toAbsolutePath());
            out.println("  Alipay public key 支付宝公钥 (sandbox): " + server.alipayKeys().alipayPublicKeyFile().toAbsolutePath());
            out.println("  WeChat API keys 微信API密钥:          " + server.wechatKeys().directory().toAbsolutePath()
                    + "/<mch_id>.api_key");
            if (demo) {
                server.wechatKeys().obtain(DEMO_WECHAT_MCH_ID);
                out.println("  Demo merchants 演示商户: Alipay app_id " + DEMO_ALIPAY_APP_ID + ", WeChat mch_id "
                        + DEMO_WECHAT_MCH_ID + ", UnionPay " + DEMO_UNIONPAY_MID + "; consumers c-0001…c-0050");
            }
            out.println("Ctrl-C to stop 按 Ctrl-C 停止");
            out.flush();
            awaitStop.accept(server);
        } finally {
            server.stop();
        }
        return 0;
    }

    private static void untilShutdown(SandboxServer server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sandbox-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
