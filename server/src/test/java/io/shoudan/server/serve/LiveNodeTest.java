package io.shoudan.server.serve;

import io.shoudan.merchant.Merchant;
import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentState;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.sandbox.Sandbox;
import io.shoudan.sandbox.SandboxSettings;
import io.shoudan.sandbox.Sleeper;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.http.SandboxServer;
import io.shoudan.server.channel.SandboxAccounts;
import io.shoudan.server.terminal8583.EndpointLimits;
import io.shoudan.server.terminal8583.simulator.TerminalSimulator;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node wired from a live configuration — Alipay's app id, key files and gateway URL, WeChat Pay's mch_id, appid, API
 * key file and URL, all from the environment — against the sandbox's HTTP gateways standing in for Alipay and WeChat.
 */
class LiveNodeTest {

    @Test
    void aNodeWiredFromALiveConfigurationTakesAlipayAndWechatPaymentsAndRefusesCardsAsUnionPayIsNotConnected(@TempDir Path dir) {
        Sandbox channels = new Sandbox(Clock.systemUTC(), Sleeper.real(), 7, SandboxSettings.defaults());
        try (SandboxServer gateways = SandboxServer.start(channels, new SandboxServer.Settings(0, dir.resolve("channels")))) {
            Path wechatKey = gateways.wechatKeys().fileOf("1900000001").orElseThrow();
            gateways.wechatKeys().obtain("1900000001").orElseThrow();
            Map<String, String> env = LiveChannelSettingsTest.complete(dir.resolve("channels/alipay"), gateways.alipayGatewayUrl(),
                    gateways.wechatBaseUrl(), wechatKey.toString());
            Server.Settings settings = new Server.Settings(
                    DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + dir.resolve("node/shoudan").toAbsolutePath())),
                    ChannelsConfiguration.resolve(env, 7), 0, 0, dir.resolve("node"), true, env,
                    Map.of(Channel.ALIPAY, ServerTest.FAST, Channel.WECHAT, ServerTest.FAST, Channel.UNIONPAY, ServerTest.FAST),
                    EndpointLimits.DEFAULTS, Duration.ofDays(7), RecoverySweep.Schedule.DEFAULTS, "live-node-1", null);

            try (Server node = Server.start(settings)) {
                assertThat(node.channelsDescription()).contains("Alipay " + gateways.alipayGatewayUrl())
                        .contains("WeChat Pay " + gateways.wechatBaseUrl()).contains("UnionPay not connected");
                assertThatThrownBy(node::sandbox).isInstanceOf(IllegalStateException.class);
                Server.DemoTerminal demo = DemoTrading.tradingTerminal(node);
                // The channels know the merchant as the acquirer's one account: app 2021000000000001, mch_id 1900000001.
                Merchant merchant = node.app().merchants().find(demo.terminal().merchantId(), OffsetDateTime.now()).orElseThrow();
                SandboxAccounts.register(channels, List.of(merchant));
                channels.consumers().register(ConsumerSetup.of(DemoTrading.SHOPPER.value()).alipayBalance(Money.ofYuan(500))
                        .wechatBalance(Money.ofYuan(500)));
                TerminalSimulator pos = DemoTrading.simulator(node, demo);
                assertThat(pos.signOn().responseCode()).isEqualTo("00");

                TerminalSimulator.Exchange alipay = pos.saleByCode(Money.parse("12.34"),
                        channels.codes().issue(DemoTrading.SHOPPER, Channel.ALIPAY).code());
                TerminalSimulator.Exchange wechat = pos.saleByCode(Money.parse("8.80"),
                        channels.codes().issue(DemoTrading.SHOPPER, Channel.WECHAT).code());
                TerminalSimulator.Exchange card = pos.sale(Money.parse("88.00"), DemoTrading.CARD);

                assertThat(alipay.response().responseCode()).as("Alipay sale, reason %s", alipay.response().reason()).isEqualTo("00");
                assertThat(wechat.response().responseCode()).as("WeChat sale, reason %s", wechat.response().reason()).isEqualTo("00");
                assertThat(card.response().responseCode()).isNotEqualTo("00");
                assertThat(channels.consumers().get(DemoTrading.SHOPPER).fundsTotal()).isEqualTo(Money.parse("978.86"));
                List<Payment> stored = new ArrayList<>();
                node.app().payments().forEachPayment(stored::add);
                assertThat(stored).extracting(Payment::state).containsOnly(PaymentState.SUCCEEDED, PaymentState.DECLINED);
                assertThat(stored).filteredOn(p -> p.state() == PaymentState.SUCCEEDED).hasSize(2);
                // the node has no UnionPay gateway: the eligibility snapshot says so before anything reaches a channel
                assertThat(stored).filteredOn(p -> p.state() == PaymentState.DECLINED).singleElement()
                        .satisfies(p -> assertThat(p.verdict()).extracting(Reason::code).contains(ReasonCode.INTEGRATION_CHANNEL_NOT_CONNECTED));
                pos.close();
            }
        }
    }
}
