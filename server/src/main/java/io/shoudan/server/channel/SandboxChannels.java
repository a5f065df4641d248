package io.shoudan.server.channel;

import io.shoudan.channels.ChannelCalls;
import io.shoudan.channels.UnmappedCodes;
import io.shoudan.channels.alipay.AlipayAccounts;
import io.shoudan.channels.alipay.AlipayGateway;
import io.shoudan.channels.alipay.AlipayTransport;
import io.shoudan.channels.health.ChannelHealth;
import io.shoudan.channels.unionpay.UnionPayAccounts;
import io.shoudan.channels.unionpay.UnionPayGateway;
import io.shoudan.channels.wechat.WechatAccounts;
import io.shoudan.channels.wechat.WechatGateway;
import io.shoudan.method.Channel;
import io.shoudan.payment.ChannelGateway;
import io.shoudan.sandbox.Sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The three real adapters over the in-process sandbox, for {@code demo} / {@code serve} without real
 * channels and for tests: one place that wires transports, accounts, health and metrics.
 *
 * @param timeout an answer later than this is a timeout (the sandbox's injected delays count)
 */
public record SandboxChannels(Sandbox sandbox, ChannelHealth health, UnmappedCodes unmapped, Duration timeout,
                              AlipayAccounts alipayAccounts, WechatAccounts wechatAccounts, UnionPayAccounts unionPayAccounts,
                              SandboxCards cards) {

    public SandboxChannels {
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(unmapped, "unmapped");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(alipayAccounts, "alipayAccounts");
        Objects.requireNonNull(wechatAccounts, "wechatAccounts");
        Objects.requireNonNull(unionPayAccounts, "unionPayAccounts");
        Objects.requireNonNull(cards, "cards");
    }

    public ChannelCalls calls(Channel channel) {
        return new ChannelCalls(channel, health, unmapped, timeout);
    }

    public AlipayGateway alipay() {
        return alipay(UnaryOperator.identity());
    }

    /** @param wrap lets a test or an operator tool watch the transport */
    public AlipayGateway alipay(UnaryOperator<AlipayTransport> wrap) {
        return new AlipayGateway(wrap.apply(new SandboxAlipayTransport(sandbox.alipay())), alipayAccounts, calls(Channel.ALIPAY));
    }

    public WechatGateway wechat() {
        return new WechatGateway(new SandboxWechatTransport(sandbox.wechat()), wechatAccounts, calls(Channel.WECHAT));
    }

    public UnionPayGateway unionPay() {
        return new UnionPayGateway(new SandboxUnionPayTransport(sandbox.unionpay(), cards), unionPayAccounts, calls(Channel.UNIONPAY));
    }

    /** The three gateways for {@code PaymentService}. */
    public List<ChannelGateway> gateways() {
        return List.of(alipay(), wechat(), unionPay());
    }
}
