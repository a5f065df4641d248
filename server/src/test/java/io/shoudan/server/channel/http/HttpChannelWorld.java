package io.shoudan.server.channel.http;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shoudan.channels.ChannelCalls;
import io.shoudan.channels.UnmappedCodes;
import io.shoudan.channels.alipay.AlipayGateway;
import io.shoudan.channels.alipay.AlipayMerchantAccount;
import io.shoudan.channels.alipay.AlipayTransport;
import io.shoudan.channels.alipay.sdk.AlipayConfiguration;
import io.shoudan.channels.alipay.sdk.SdkAlipayTransport;
import io.shoudan.channels.health.BreakerSettings;
import io.shoudan.channels.health.ChannelConnection;
import io.shoudan.channels.health.ChannelHealth;
import io.shoudan.channels.wechat.WechatGateway;
import io.shoudan.channels.wechat.WechatMerchantAccount;
import io.shoudan.channels.wechat.WechatTransport;
import io.shoudan.channels.wechat.http.HttpWechatTransport;
import io.shoudan.channels.wechat.http.WechatConfiguration;
import io.shoudan.fee.Installments;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.SaleRequest;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.sandbox.Sandbox;
import io.shoudan.sandbox.SandboxSettings;
import io.shoudan.sandbox.consumer.Consumer;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.http.SandboxServer;
import io.shoudan.sandbox.merchant.ChannelMerchant;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.SignedProduct;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Core's real payment service (in-memory store, manual time) over the real adapters, over the HTTP
 * transports — the official Alipay SDK and the JDK's HttpClient with WeChat's XML — talking to the
 * sandbox's HTTP server on an ephemeral loopback port. The sandbox inside the server shares the
 * service's manual clock, so while the service waits between queries, consumers confirm.
 */
final class HttpChannelWorld implements AutoCloseable {

    static final String APP_ID = "2021000000000001";
    static final String MCH_ID = "1900000001";
    static final String WX_APPID = "wx2421b1c4370ec43b";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final PaymentWorld world = new PaymentWorld();
    final Sandbox sandbox;
    final SandboxServer server;
    final ChannelHealth health;
    final SdkAlipayTransport alipayTransport;
    final HttpWechatTransport wechatTransport;
    final AlipayGateway alipay;
    final WechatGateway wechat;
    private int requests;

    HttpChannelWorld(Path dataDir) {
        this(dataDir, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** The wrappers let a test watch or disturb a transport (e.g. the channel recovers after one query). */
    HttpChannelWorld(Path dataDir, UnaryOperator<AlipayTransport> alipayWrapper, UnaryOperator<WechatTransport> wechatWrapper) {
        sandbox = new Sandbox(world.time, world.time::advance, 20261123L, SandboxSettings.defaults());
        sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.alipay(APP_ID),
                SignedProduct.ALIPAY_FACE_TO_FACE, SignedProduct.ALIPAY_HUABEI_INSTALLMENT));
        sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.wechat(MCH_ID), SignedProduct.WECHAT_MICROPAY));
        server = SandboxServer.start(sandbox, new SandboxServer.Settings(0, dataDir));
        String apiKey = server.wechatKeys().obtain(MCH_ID).orElseThrow();

        alipayTransport = new SdkAlipayTransport(AlipayConfiguration.sandbox(URI.create(server.alipayGatewayUrl()), APP_ID,
                server.alipayKeys().directory()));
        wechatTransport = new HttpWechatTransport(WechatConfiguration.sandbox(URI.create(server.wechatBaseUrl()), MCH_ID, WX_APPID,
                apiKey));

        health = new ChannelHealth(BreakerSettings.defaults(), channel -> Optional.of(new ChannelConnection(true, null)), world.time);
        UnmappedCodes unmapped = new UnmappedCodes(new SimpleMeterRegistry());
        alipay = new AlipayGateway(alipayWrapper.apply(alipayTransport), merchant -> Optional.of(new AlipayMerchantAccount(APP_ID)),
                new ChannelCalls(Channel.ALIPAY, health, unmapped, TIMEOUT));
        wechat = new WechatGateway(wechatWrapper.apply(wechatTransport),
                merchant -> Optional.of(new WechatMerchantAccount(WX_APPID, MCH_ID)),
                new ChannelCalls(Channel.WECHAT, health, unmapped, TIMEOUT));
    }

    PaymentService service() {
        return world.serviceWith(alipay, wechat);
    }

    Consumer consumer(ConsumerSetup setup) {
        return sandbox.consumers().register(setup);
    }

    Money fundsOf(Consumer consumer) {
        return sandbox.consumers().get(consumer.id()).fundsTotal();
    }

    SaleRequest alipaySale(Consumer consumer, String amount) {
        return sale(PaymentMethod.ALIPAY, amount, Installments.NONE, code(consumer, Channel.ALIPAY));
    }

    SaleRequest wechatSale(Consumer consumer, String amount) {
        return sale(PaymentMethod.WECHAT_PAY, amount, Installments.NONE, code(consumer, Channel.WECHAT));
    }

    SaleRequest sale(PaymentMethod method, String amount, Installments installments, String code) {
        requests++;
        return new SaleRequest(PaymentWorld.MERCHANT, PaymentWorld.TERMINAL, new RequestId.Client(String.format("000002-%06d", requests)),
                method, Money.parse(amount), installments, new Instrument.ScannedCode(code));
    }

    private String code(Consumer consumer, Channel channel) {
        return sandbox.codes().issue(consumer.id(), channel).code();
    }

    Payment only() {
        if (world.store.payments().size() != 1) {
            throw new AssertionError("expected exactly one payment, found " + world.store.payments().size());
        }
        return world.store.payments().getFirst();
    }

    /** What the sandbox's merchant accounts received, net. */
    Money receivedAtChannels() {
        return sandbox.merchants().received(MerchantKey.alipay(APP_ID)).plus(sandbox.merchants().received(MerchantKey.wechat(MCH_ID)));
    }

    /** What our books say the channels hold for the merchant: captured amounts less what went back. */
    Money booked() {
        Money booked = Money.ZERO;
        for (Payment payment : world.store.payments()) {
            if (payment.state().wasCaptured()) {
                booked = booked.plus(payment.amount()).minus(payment.refunded());
            }
        }
        return booked;
    }

    @Override
    public void close() {
        server.stop();
    }
}
