package io.shoudan.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.sandbox.Sandbox;
import io.shoudan.sandbox.SandboxSettings;
import io.shoudan.sandbox.Sleeper;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.fault.Operation;
import io.shoudan.sandbox.http.wechat.WechatSign;
import io.shoudan.sandbox.http.wechat.WechatXml;
import io.shoudan.sandbox.merchant.ChannelMerchant;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.SignedProduct;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxServerTest {

    @TempDir
    Path dataDir;

    @Test
    void itListensOnLoopbackWritesItsKeysAndRefusesConnectionsOnceStopped() throws Exception {
        SandboxServer server = SandboxServer.start(new SandboxServer.Settings(0, dataDir));
        int port = server.port();

        assertThat(port).isPositive();
        assertThat(server.alipayGatewayUrl()).isEqualTo("http://127.0.0.1:" + port + "/gateway.do");
        assertThat(server.alipayKeys().appPrivateKeyFile()).exists().startsWith(dataDir.resolve("alipay"));
        assertThat(server.alipayKeys().alipayPublicKeyFile()).exists();
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.adminUrl() + "/funds")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("\"fundsTotal\":\"0.00\"");

        server.stop();

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(server.adminUrl() + "/funds")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    /**
     * Behind the socket a Delay fault is real time: the client's read timeout fires while the sandbox
     * still holds the answer. (It asserts that the timeout fires, not how fast anything is.)
     */
    @Test
    void aDelayFaultHoldsTheAnswerPastTheClientsTimeout() throws Exception {
        Sandbox sandbox = new Sandbox(Clock.systemUTC(), Sleeper.real(), 7L, SandboxSettings.defaults());
        sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.wechat("1900000001"), SignedProduct.WECHAT_MICROPAY));
        String code = sandbox.codes().issue(sandbox.consumers().register(
                ConsumerSetup.of("eve").wechatBalance(Money.parse("10.00"))).id(), Channel.WECHAT).code();
        sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.Delay(Duration.ofSeconds(3)))
                .onlyFor(Operation.PAY));
        try (SandboxServer server = SandboxServer.start(sandbox, new SandboxServer.Settings(0, dataDir))) {
            String key = server.wechatKeys().obtain("1900000001").orElseThrow();
            Map<String, String> request = new LinkedHashMap<>();
            request.put("mch_id", "1900000001");
            request.put("nonce_str", "n1");
            request.put("out_trade_no", "D-1");
            request.put("body", "x");
            request.put("total_fee", "100");
            request.put("auth_code", code);
            request.put("sign", WechatSign.MD5.sign(request, key));

            HttpRequest post = HttpRequest.newBuilder(URI.create(server.wechatBaseUrl() + "/pay/micropay"))
                    .timeout(Duration.ofMillis(300))
                    .POST(HttpRequest.BodyPublishers.ofString(WechatXml.write(request), StandardCharsets.UTF_8)).build();

            assertThatThrownBy(() -> HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(HttpTimeoutException.class);
        }
    }
}
