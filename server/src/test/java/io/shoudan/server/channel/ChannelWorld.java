package io.shoudan.server.channel;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shoudan.channels.UnmappedCodes;
import io.shoudan.channels.alipay.AlipayGateway;
import io.shoudan.channels.alipay.AlipayMerchantAccount;
import io.shoudan.channels.alipay.AlipayTransport;
import io.shoudan.channels.health.BreakerSettings;
import io.shoudan.channels.health.ChannelConnection;
import io.shoudan.channels.health.ChannelHealth;
import io.shoudan.channels.unionpay.UnionPayGateway;
import io.shoudan.channels.unionpay.UnionPayMerchantAccount;
import io.shoudan.channels.wechat.WechatGateway;
import io.shoudan.channels.wechat.WechatMerchantAccount;
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
import io.shoudan.sandbox.merchant.ChannelMerchant;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.SignedProduct;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Core's payment service (in-memory store, manual time) over the real adapters, over the in-process
 * sandbox sharing the same clock: when the service waits between queries, the sandbox's consumers
 * confirm and its codes expire.
 */
final class ChannelWorld {

    static final String APP_ID = "2021000000000001";
    static final String MCH_ID = "1900000001";
    static final String UP_MID = "898310048990001";
    static final String UP_TID = "10000001";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final PaymentWorld world = new PaymentWorld();
    final Sandbox sandbox;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final UnmappedCodes unmapped = new UnmappedCodes(meters);
    final ChannelHealth health;
    final SandboxCards cards = new SandboxCards();
    final AlipayGateway alipay;
    final WechatGateway wechat;
    final UnionPayGateway unionPay;
    private int requests;

    ChannelWorld() {
        this(20261123L, (sandbox, transport) -> transport);
    }

    /** @param alipayWrapper lets a test watch or disturb the Alipay transport */
    ChannelWorld(long seed, BiFunction<Sandbox, AlipayTransport, AlipayTransport> alipayWrapper) {
        this(seed, BreakerSettings.defaults(), alipayWrapper);
    }

    ChannelWorld(long seed, BreakerSettings breakers, BiFunction<Sandbox, AlipayTransport, AlipayTransport> alipayWrapper) {
        sandbox = new Sandbox(world.time, world.time::advance, seed, SandboxSettings.defaults());
        sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.alipay(APP_ID),
                SignedProduct.ALIPAY_FACE_TO_FACE, SignedProduct.ALIPAY_HUABEI_INSTALLMENT));
        sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.wechat(MCH_ID), SignedProduct.WECHAT_MICROPAY));
        sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.unionpay(UP_MID),
                SignedProduct.UNIONPAY_DEBIT, SignedProduct.UNIONPAY_CREDIT, SignedProduct.UNIONPAY_QR));
        health = new ChannelHealth(breakers, channel -> Optional.of(new ChannelConnection(true, null)), world.time);
        SandboxChannels channels = new SandboxChannels(sandbox, health, unmapped, TIMEOUT,
                merchant -> Optional.of(new AlipayMerchantAccount(APP_ID)),
                merchant -> Optional.of(new WechatMerchantAccount("wx2421b1c4370ec43b", MCH_ID)),
                merchant -> Optional.of(new UnionPayMerchantAccount(UP_MID, UP_TID)), cards);
        alipay = channels.alipay(transport -> alipayWrapper.apply(sandbox, transport));
        wechat = channels.wechat();
        unionPay = channels.unionPay();
    }

    PaymentService service() {
        return world.serviceWith(alipay, wechat, unionPay);
    }

    Consumer consumer(ConsumerSetup setup) {
        return sandbox.consumers().register(setup);
    }

    String code(Consumer consumer, Channel channel) {
        return sandbox.codes().issue(consumer.id(), channel).code();
    }

    SaleRequest sale(PaymentMethod method, String amount, Instrument instrument) {
        return sale(method, amount, Installments.NONE, instrument);
    }

    SaleRequest sale(PaymentMethod method, String amount, Installments installments, Instrument instrument) {
        requests++;
        return new SaleRequest(PaymentWorld.MERCHANT, PaymentWorld.TERMINAL, new RequestId.Client(String.format("000001-%06d", requests)), method,
                Money.parse(amount), installments, instrument);
    }

    /** What the sandbox's merchant accounts received, net, on each channel. */
    Money receivedAtChannels() {
        return sandbox.merchants().received(MerchantKey.alipay(APP_ID))
                .plus(sandbox.merchants().received(MerchantKey.wechat(MCH_ID)))
                .plus(sandbox.merchants().received(MerchantKey.unionpay(UP_MID)));
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
}
