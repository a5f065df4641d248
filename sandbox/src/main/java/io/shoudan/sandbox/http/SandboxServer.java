package io.shoudan.sandbox.http;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import io.javalin.http.Context;
import io.shoudan.sandbox.Sandbox;
import io.shoudan.sandbox.SandboxSettings;
import io.shoudan.sandbox.Sleeper;
import io.shoudan.sandbox.http.admin.AdminApi;
import io.shoudan.sandbox.http.alipay.AlipayGateway;
import io.shoudan.sandbox.http.alipay.AlipayKeys;
import io.shoudan.sandbox.http.wechat.WechatApiKeys;
import io.shoudan.sandbox.http.wechat.WechatPayEndpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.eclipse.jetty.server.Request;

/**
 * The sandbox behind one HTTP port on loopback: Alipay's gateway ({@code /gateway.do}), WeChat Pay
 * v2 ({@code /pay/micropay}, {@code /pay/orderquery}, {@code /secapi/pay/reverse},
 * {@code /secapi/pay/refund}) and the admin API ({@code /admin/...}). Keys live under the data folder:
 * {@code alipay/} (RSA, {@link AlipayKeys}) and {@code wechat/} (API keys, {@link WechatApiKeys}).
 *
 * <p>Injected delays pass through the sandbox's {@link Sleeper}: {@link #start(Settings)} wires
 * {@link Sleeper#real()}, so a delayed answer really arrives late on the socket. A test may wrap an
 * in-process sandbox (manual clock, advancing sleeper) with {@link #start(Sandbox, Settings)} to move
 * time without waiting.
 */
public final class SandboxServer implements AutoCloseable {

    /** Loopback only: the sandbox holds keys and fake money and is no service for the network. */
    public static final String HOST = "127.0.0.1";

    /**
     * @param port    0: an ephemeral port
     * @param dataDir the folder of the keys, e.g. {@code data/sandbox}
     */
    public record Settings(int port, Path dataDir) {
        public Settings {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port is 0-65535: " + port);
            }
            Objects.requireNonNull(dataDir, "dataDir");
        }
    }

    private final Sandbox sandbox;
    private final Javalin app;
    private final AlipayKeys alipayKeys;
    private final WechatApiKeys wechatKeys;
    /** Kept from the start: the URLs stay printable (and refuse connections) after {@link #stop()}. */
    private final int port;

    private SandboxServer(Sandbox sandbox, Javalin app, AlipayKeys alipayKeys, WechatApiKeys wechatKeys) {
        this.sandbox = sandbox;
        this.app = app;
        this.port = app.port();
        this.alipayKeys = alipayKeys;
        this.wechatKeys = wechatKeys;
    }

    /** A fresh sandbox on the system clock, with real delays, seed 0 and the default settings. */
    public static SandboxServer start(Settings settings) {
        return start(new Sandbox(Clock.systemUTC(), Sleeper.real(), 0L, SandboxSettings.defaults()), settings);
    }

    public static SandboxServer start(Sandbox sandbox, Settings settings) {
        AlipayKeys alipayKeys = AlipayKeys.loadOrGenerate(settings.dataDir().resolve("alipay"));
        WechatApiKeys wechatKeys = new WechatApiKeys(settings.dataDir().resolve("wechat"));
        AlipayGateway gateway = new AlipayGateway(sandbox.alipay(), sandbox.merchants(), alipayKeys);
        WechatPayEndpoints wechat = new WechatPayEndpoints(sandbox.wechat(), sandbox.merchants(), wechatKeys);
        AdminApi admin = new AdminApi(sandbox, wechatKeys);

        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
        });
        app.post("/gateway.do", ctx -> send(ctx, gateway.handle(ctx.queryString(), ctx.bodyAsBytes())));
        app.post("/pay/micropay", ctx -> send(ctx, wechat.micropay(ctx.bodyAsBytes())));
        app.post("/pay/orderquery", ctx -> send(ctx, wechat.orderQuery(ctx.bodyAsBytes())));
        app.post("/secapi/pay/reverse", ctx -> send(ctx, wechat.reverse(ctx.bodyAsBytes())));
        app.post("/secapi/pay/refund", ctx -> send(ctx, wechat.refund(ctx.bodyAsBytes())));
        admin.routes(app);
        try {
            app.start(HOST, settings.port());
        } catch (JavalinBindException taken) {
            throw new IllegalStateException("cannot listen on " + HOST + ":" + settings.port() + ": the port is in use by another"
                    + " program / 无法监听 " + HOST + ":" + settings.port() + "：端口已被其他程序占用", taken);
        }
        return new SandboxServer(sandbox, app, alipayKeys, wechatKeys);
    }

    private static void send(Context ctx, WireAnswer answer) {
        switch (answer) {
            case WireAnswer.Body body -> ctx.status(200).contentType(body.contentType()).result(body.text());
            case WireAnswer.DropConnection drop ->
                // Abort closes the socket without a status line: the client's read fails as on a lost answer.
                    Request.getBaseRequest(ctx.req()).getHttpChannel()
                            .abort(new IOException("sandbox fault: response lost"));
        }
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://" + HOST + ":" + port();
    }

    /** What the Alipay SDK's {@code serverUrl} is set to. */
    public String alipayGatewayUrl() {
        return baseUrl() + "/gateway.do";
    }

    /** Replaces {@code https://api.mch.weixin.qq.com}: append {@code /pay/micropay} etc. */
    public String wechatBaseUrl() {
        return baseUrl();
    }

    public String adminUrl() {
        return baseUrl() + "/admin";
    }

    public AlipayKeys alipayKeys() {
        return alipayKeys;
    }

    public WechatApiKeys wechatKeys() {
        return wechatKeys;
    }

    public void stop() {
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

}
