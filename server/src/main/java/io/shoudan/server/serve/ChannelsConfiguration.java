package io.shoudan.server.serve;

import java.util.Map;
import java.util.Objects;

/**
 * Which channels {@code serve} talks to. Today there is one choice: the sandboxes, in process, with the real
 * adapters (Alipay, WeChat Pay, UnionPay) over them. This is the seam for real channels: a new case here (the
 * gateway URLs, app ids, keys and certificates of the acquirer's own accounts) and its branch in {@link Server}
 * where the gateways are built.
 *
 * <p>Configuration: {@code SHOUDAN_CHANNELS} = {@code sandbox} (the default). Any other value is refused at
 * start-up rather than silently served by the sandbox.
 */
public sealed interface ChannelsConfiguration {

    /** The in-process sandboxes; {@code seed} drives payment codes and probabilistic faults. */
    record Sandbox(long seed) implements ChannelsConfiguration {
    }

    static ChannelsConfiguration resolve(Map<String, String> environment, long seed) {
        Objects.requireNonNull(environment, "environment");
        String chosen = environment.getOrDefault("SHOUDAN_CHANNELS", "sandbox").trim();
        if (chosen.isEmpty() || chosen.equals("sandbox")) {
            return new Sandbox(seed);
        }
        throw new IllegalArgumentException("SHOUDAN_CHANNELS=" + chosen + ": only 'sandbox' is available; real channel "
                + "configuration is not built yet / 目前只支持沙箱渠道");
    }
}
