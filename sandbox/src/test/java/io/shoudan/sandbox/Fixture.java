package io.shoudan.sandbox;

import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.sandbox.alipay.TradePayRequest;
import io.shoudan.sandbox.alipay.TradePayResponse;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.CardStatus;
import io.shoudan.sandbox.consumer.Consumer;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.consumer.HuabeiStatus;
import io.shoudan.sandbox.consumer.Pin;
import io.shoudan.sandbox.fault.ChannelReply;
import io.shoudan.sandbox.merchant.ChannelMerchant;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.SignedProduct;
import io.shoudan.sandbox.wechat.MicropayRequest;
import io.shoudan.sandbox.wechat.MicropayResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sandbox with one merchant per channel, on a manual clock at 10:00 Beijing time. Tests add the
 * consumers they need.
 */
public final class Fixture {

    public static final String APP_ID = "2021000000000001";
    public static final String MCH_ID = "1900000001";
    public static final String UP_MID = "898310048990001";
    public static final String UP_TID = "10000001";
    /** 2026-11-23 10:00 in Beijing. */
    public static final Instant START = Instant.parse("2026-11-23T02:00:00Z");

    public final ManualClock clock = new ManualClock(START);
    public final Sandbox sandbox;
    private final AtomicLong orderNumbers = new AtomicLong();

    public Fixture() {
        this(20261123L);
    }

    public Fixture(long seed) {
        this(seed, SandboxSettings.defaults());
    }

    public Fixture(long seed, SandboxSettings settings) {
        sandbox = new Sandbox(clock, Sleeper.advancing(clock), seed, settings);
        sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.alipay(APP_ID),
                SignedProduct.ALIPAY_FACE_TO_FACE, SignedProduct.ALIPAY_HUABEI_INSTALLMENT));
        sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.wechat(MCH_ID), SignedProduct.WECHAT_MICROPAY));
        sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.unionpay(UP_MID),
                SignedProduct.UNIONPAY_DEBIT, SignedProduct.UNIONPAY_CREDIT, SignedProduct.UNIONPAY_QR));
    }

    public static Money yuan(String amount) {
        return Money.parse(amount);
    }

    /** What the registered consumers brought in: the total money conservation must keep. */
    public Money registeredFunds = Money.ZERO;

    public Consumer register(ConsumerSetup setup) {
        Consumer consumer = sandbox.consumers().register(setup);
        registeredFunds = registeredFunds.plus(consumer.fundsTotal());
        return consumer;
    }

    /** A consumer with 1,000.00 in every wallet source, a debit card with PIN 123456, Huabei open. */
    public static ConsumerSetup wellOff(String id, String debitPan) {
        return ConsumerSetup.of(id)
                .alipayBalance(yuan("1000.00"))
                .wechatBalance(yuan("1000.00"))
                .huabei(yuan("5000.00"), yuan("5000.00"), HuabeiStatus.OPEN)
                .card("debit", CardKind.DEBIT, debitPan, Pin.of("123456"), yuan("1000.00"), CardStatus.ACTIVE);
    }

    public String code(ConsumerId consumer, Channel channel) {
        return sandbox.codes().issue(consumer, channel).code();
    }

    public String nextOutTradeNo() {
        return "T" + orderNumbers.incrementAndGet();
    }

    public TradePayRequest alipayPay(ConsumerId consumer, String amount) {
        return TradePayRequest.barCode(APP_ID, nextOutTradeNo(), code(consumer, Channel.ALIPAY), yuan(amount), "goods");
    }

    public MicropayRequest micropay(ConsumerId consumer, String amount) {
        return MicropayRequest.of("wx0000000000000001", MCH_ID, nextOutTradeNo(), code(consumer, Channel.WECHAT),
                yuan(amount), "goods");
    }

    public static <A> A delivered(ChannelReply<A> reply) {
        return reply.delivered().orElseThrow(() -> new AssertionError("expected an answer, the response was lost"));
    }

    public TradePayResponse pay(TradePayRequest request) {
        return delivered(sandbox.alipay().pay(request));
    }

    public MicropayResponse pay(MicropayRequest request) {
        return delivered(sandbox.wechat().micropay(request));
    }
}
