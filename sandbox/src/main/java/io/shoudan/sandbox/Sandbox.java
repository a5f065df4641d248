package io.shoudan.sandbox;

import io.shoudan.money.Money;
import io.shoudan.sandbox.alipay.AlipaySimulator;
import io.shoudan.sandbox.consumer.Consumers;
import io.shoudan.sandbox.consumer.PaymentCodes;
import io.shoudan.sandbox.fault.FaultGate;
import io.shoudan.sandbox.fault.FaultInjector;
import io.shoudan.sandbox.merchant.Merchants;
import io.shoudan.sandbox.unionpay.UnionPaySimulator;
import io.shoudan.sandbox.wechat.WechatPaySimulator;
import java.time.Clock;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The whole sandbox, wired: one set of consumers and merchants shared by the three simulated
 * channels (a person's bank card is the same card in Alipay, WeChat Pay and at a UnionPay POS), one
 * fault injector, one clock, one monitor. An HTTP layer wraps the simulators' methods one-to-one; the
 * admin actions (consumers, codes, merchants, faults) are the registries' methods.
 */
public final class Sandbox {

    private final Clock clock;
    private final Consumers consumers;
    private final Merchants merchants;
    private final PaymentCodes codes;
    private final FaultInjector faults;
    private final AlipaySimulator alipay;
    private final WechatPaySimulator wechat;
    private final UnionPaySimulator unionpay;

    /**
     * @param sleeper how injected delays pass ({@link Sleeper#advancing(ManualClock)} in-process,
     *                {@link Sleeper#real()} behind a socket)
     * @param seed    makes payment codes and probabilistic faults reproducible
     */
    public Sandbox(Clock clock, Sleeper sleeper, long seed, SandboxSettings settings) {
        this.clock = Objects.requireNonNull(clock);
        Objects.requireNonNull(sleeper);
        Objects.requireNonNull(settings);
        Object monitor = new Object();
        // Two independent streams from one seed: issuing an extra code must not shift the faults.
        SplittableRandom seeds = new SplittableRandom(seed);
        long codeSeed = seeds.nextLong();
        long faultSeed = seeds.nextLong();
        this.consumers = new Consumers(monitor);
        this.merchants = new Merchants(monitor);
        this.codes = new PaymentCodes(consumers, clock, settings.paymentCodeTtl(), codeSeed, monitor);
        this.faults = new FaultInjector(faultSeed);
        FaultGate gate = new FaultGate(faults, sleeper);
        this.alipay = new AlipaySimulator(consumers, merchants, codes, gate, clock, settings, monitor);
        this.wechat = new WechatPaySimulator(consumers, merchants, codes, gate, clock, settings, monitor);
        this.unionpay = new UnionPaySimulator(consumers, merchants, codes, gate, clock, settings, monitor);
    }

    /** In-process: virtual time, delays advance the manual clock. */
    public static Sandbox inProcess(ManualClock clock, long seed) {
        return new Sandbox(clock, Sleeper.advancing(clock), seed, SandboxSettings.defaults());
    }

    public Clock clock() {
        return clock;
    }

    public Consumers consumers() {
        return consumers;
    }

    public Merchants merchants() {
        return merchants;
    }

    public PaymentCodes codes() {
        return codes;
    }

    public FaultInjector faults() {
        return faults;
    }

    public AlipaySimulator alipay() {
        return alipay;
    }

    public WechatPaySimulator wechat() {
        return wechat;
    }

    public UnionPaySimulator unionpay() {
        return unionpay;
    }

    /**
     * All money in the sandbox: consumers' balances and unused credit, merchants' net receipts, and
     * the channels' own fee income. No payment, refund, cancel, reverse or void changes it.
     */
    public Money fundsTotal() {
        return consumers.fundsTotal().plus(merchants.fundsTotal());
    }
}
