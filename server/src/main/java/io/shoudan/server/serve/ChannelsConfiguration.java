package io.shoudan.server.serve;

import io.shoudan.channels.alipay.sdk.AlipayConfiguration;
import io.shoudan.channels.wechat.http.WechatConfiguration;
import io.shoudan.method.Channel;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which channels a node talks to: the sandboxes, or the acquirer's live accounts at Alipay and WeChat Pay.
 *
 * <p>Configuration: {@code SHOUDAN_CHANNELS} = {@code sandbox} (the default) or {@code live}; a live node reads its
 * accounts from the variables of {@link LiveChannelSettings} and checks them at start. Any other value is refused
 * rather than silently served by the sandbox.
 */
public sealed interface ChannelsConfiguration {

    String VARIABLE = "SHOUDAN_CHANNELS";

    /** The seed of the demo world ({@code --seed-demo}) and, for the sandbox, of its payment codes and faults. */
    long seed();

    /** The channels this node has a gateway for; a payment to another is refused as not connected. */
    Set<Channel> wired();

    /** The sandboxes, in process, reached through the real adapters; {@code seed} drives payment codes and faults. */
    record Sandbox(long seed) implements ChannelsConfiguration {
        @Override
        public Set<Channel> wired() {
            return EnumSet.allOf(Channel.class);
        }
    }

    /**
     * The acquirer's own accounts: every merchant's Alipay payments go through the one application {@code alipay}
     * (its app id and key pair), its WeChat Pay payments through the one merchant number {@code wechat}. UnionPay is
     * never wired live: its host link exists in process only (see {@link LiveChannelSettings}).
     */
    record Live(long seed, Optional<AlipayConfiguration> alipay, Optional<WechatConfiguration> wechat) implements ChannelsConfiguration {
        public Live {
            Objects.requireNonNull(alipay, "alipay");
            Objects.requireNonNull(wechat, "wechat");
            if (alipay.isEmpty() && wechat.isEmpty()) {
                throw new IllegalArgumentException("a live configuration needs Alipay or WeChat Pay");
            }
        }

        @Override
        public Set<Channel> wired() {
            Set<Channel> wired = EnumSet.noneOf(Channel.class);
            alipay.ifPresent(a -> wired.add(Channel.ALIPAY));
            wechat.ifPresent(w -> wired.add(Channel.WECHAT));
            return wired;
        }
    }

    /**
     * @throws IllegalArgumentException one line in English and Chinese naming the setting, when {@code SHOUDAN_CHANNELS}
     *                                  is neither {@code sandbox} nor {@code live}, or a live setting is missing or unusable
     */
    static ChannelsConfiguration resolve(Map<String, String> environment, long seed) {
        Objects.requireNonNull(environment, "environment");
        String chosen = environment.getOrDefault(VARIABLE, "sandbox").trim();
        if (chosen.isEmpty() || chosen.equals("sandbox")) {
            return new Sandbox(seed);
        }
        if (chosen.equals("live")) {
            return LiveChannelSettings.read(environment, seed);
        }
        throw new IllegalArgumentException(VARIABLE + "=" + chosen + ": only 'sandbox' or 'live' (docs/SERVE.md, \"Channels\")"
                + " / " + VARIABLE + " 只能是 sandbox（沙箱）或 live（真实渠道）");
    }
}
