package io.shoudan.server.serve;

import io.shoudan.channels.ChannelCalls;
import io.shoudan.channels.UnmappedCodes;
import io.shoudan.channels.alipay.AlipayGateway;
import io.shoudan.channels.alipay.AlipayMerchantAccount;
import io.shoudan.channels.alipay.sdk.AlipayConfiguration;
import io.shoudan.channels.alipay.sdk.SdkAlipayTransport;
import io.shoudan.channels.health.ChannelHealth;
import io.shoudan.channels.wechat.WechatGateway;
import io.shoudan.channels.wechat.WechatMerchantAccount;
import io.shoudan.channels.wechat.http.HttpWechatTransport;
import io.shoudan.channels.wechat.http.WechatConfiguration;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.payment.ChannelGateway;
import io.shoudan.sandbox.Sandbox;
import io.shoudan.sandbox.SandboxSettings;
import io.shoudan.sandbox.Sleeper;
import io.shoudan.sandbox.consumer.SampleConsumers;
import io.shoudan.sandbox.http.SandboxServer;
import io.shoudan.server.Application;
import io.shoudan.server.channel.SandboxAccounts;
import io.shoudan.server.channel.SandboxCards;
import io.shoudan.server.channel.SandboxChannels;
import io.shoudan.server.terminal8583.CardVault;
import io.shoudan.server.terminal8583.TerminalKeys;
import io.shoudan.server.terminal8583.store.StoreCardVault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A node's channels as its configuration says: the gateways for the payment service, and — for the sandbox only —
 * the sandbox, its HTTP server and the stand-in HSM the terminal endpoint's keys and card vault go through.
 *
 * @param keys  wraps the endpoint's terminal keys (the sandbox HSM watches the PIKs; identity when live)
 * @param vault wraps the endpoint's card vault (the sandbox HSM hands PAN and PIN to the sandbox issuer; as it is when live)
 */
record NodeChannels(List<ChannelGateway> gateways, Optional<Sandbox> sandbox, Optional<SandboxServer> sandboxServer,
                    UnaryOperator<TerminalKeys> keys, Function<StoreCardVault, CardVault> vault, String description) {

    /** How many sample consumers the sandbox gets (ids {@code C-0001}…), the same people on every start with one seed. */
    static final int SANDBOX_CONSUMERS = 100;

    static NodeChannels wire(ChannelsConfiguration configuration, Application app, ChannelHealth health, Clock clock,
                             int sandboxPort, Path dataDir, Duration callTimeout) {
        UnmappedCodes unmapped = new UnmappedCodes(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        return switch (configuration) {
            case ChannelsConfiguration.Sandbox s -> sandbox(s, app, health, unmapped, clock, sandboxPort, dataDir, callTimeout);
            case ChannelsConfiguration.Live live -> live(live, health, unmapped, callTimeout);
        };
    }

    void stop() {
        sandboxServer.ifPresent(SandboxServer::stop);
    }

    /**
     * The sandboxes with the system clock and real sleeps, reached the way real channels are: the sandbox HTTP server
     * starts first, then Alipay is called through the official SDK (RSA2) and WeChat Pay over v2 XML with each
     * merchant's own API key. UnionPay's host link stays in process until the sandbox speaks 8583 on a socket.
     */
    private static NodeChannels sandbox(ChannelsConfiguration.Sandbox configuration, Application app, ChannelHealth health,
                                        UnmappedCodes unmapped, Clock clock, int port, Path dataDir, Duration callTimeout) {
        Sandbox sandbox = new Sandbox(clock, Sleeper.real(), configuration.seed(), SandboxSettings.defaults());
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Numbered by id order, so a restart over the same store gives every merchant the same accounts.
        SandboxAccounts accounts = SandboxAccounts.register(sandbox, app.merchants().ids().stream()
                .sorted(Comparator.comparing(MerchantId::value))
                .map(id -> app.merchants().find(id, now)).flatMap(Optional::stream).toList());
        SampleConsumers.register(sandbox.consumers(), "C", SANDBOX_CONSUMERS, configuration.seed());
        SandboxCards cards = new SandboxCards();
        SandboxHsm hsm = new SandboxHsm(cards);
        SandboxChannels channels = new SandboxChannels(sandbox, health, unmapped, callTimeout,
                accounts.alipay(), accounts.wechat(), accounts.unionPay(), cards);
        SandboxServer listening = SandboxServer.start(sandbox, new SandboxServer.Settings(port, dataDir.resolve("sandbox")));
        try {
            AlipayGateway alipay = new AlipayGateway(new SdkAlipayTransport(AlipayConfiguration.sandbox(
                    URI.create(listening.alipayGatewayUrl()), accounts.anyAlipayAppId().orElse("2021000000000001"),
                    dataDir.resolve("sandbox").resolve("alipay"))),
                    accounts.alipay(), channels.calls(Channel.ALIPAY));
            WechatGateway wechat = new WechatGateway(new PerMerchantWechatTransport(mchId -> new HttpWechatTransport(
                    WechatConfiguration.sandbox(URI.create(listening.wechatBaseUrl()), mchId, SandboxAccounts.WECHAT_APPID,
                            listening.wechatKeys().obtain(mchId).orElseThrow(
                                    () -> new IllegalStateException("no sandbox API key for WeChat merchant " + mchId))))),
                    accounts.wechat(), channels.calls(Channel.WECHAT));
            return new NodeChannels(List.of(alipay, wechat, channels.unionPay()), Optional.of(sandbox), Optional.of(listening),
                    hsm::watching, hsm::translating, "sandbox (in process) 沙箱");
        } catch (RuntimeException e) {
            listening.stop();
            throw e;
        }
    }

    /**
     * The acquirer's live accounts: every merchant's Alipay payments under the configured application, its WeChat Pay
     * payments under the configured merchant number. No UnionPay gateway: card payments are refused as not connected.
     */
    private static NodeChannels live(ChannelsConfiguration.Live configuration, ChannelHealth health, UnmappedCodes unmapped,
                                     Duration callTimeout) {
        List<ChannelGateway> gateways = new ArrayList<>();
        List<String> described = new ArrayList<>();
        configuration.alipay().ifPresent(alipay -> {
            AlipayMerchantAccount account = new AlipayMerchantAccount(alipay.appId());
            gateways.add(new AlipayGateway(new SdkAlipayTransport(alipay), merchant -> Optional.of(account),
                    new ChannelCalls(Channel.ALIPAY, health, unmapped, callTimeout)));
            described.add("Alipay " + alipay.gatewayUrl() + " app_id " + alipay.appId());
        });
        configuration.wechat().ifPresent(wechat -> {
            WechatMerchantAccount account = new WechatMerchantAccount(wechat.appid(), wechat.mchId());
            gateways.add(new WechatGateway(new HttpWechatTransport(wechat), merchant -> Optional.of(account),
                    new ChannelCalls(Channel.WECHAT, health, unmapped, callTimeout)));
            described.add("WeChat Pay " + wechat.baseUrl() + " mch_id " + wechat.mchId());
        });
        return new NodeChannels(gateways, Optional.empty(), Optional.empty(), UnaryOperator.identity(), vault -> vault,
                "live 真实渠道: " + String.join(", ", described) + "; UnionPay not connected 银联未连接");
    }
}
