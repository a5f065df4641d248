package io.shoudan.sandbox.consumer;

import io.shoudan.method.Channel;
import io.shoudan.method.PaymentCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Issues consumers' payment codes in each channel's real format and redeems them once.
 *
 * <ul>
 *   <li>Alipay: 18 digits starting 25-30.</li>
 *   <li>WeChat Pay: 18 digits starting 10-15.</li>
 *   <li>UnionPay QR: 19 digits starting 62.</li>
 * </ul>
 * Digits come from a seeded generator, so the same seed and the same issue order give the same codes.
 */
public final class PaymentCodes {

    private final Consumers consumers;
    private final Clock clock;
    private final Duration ttl;
    private final SplittableRandom random;
    private final Object monitor;
    private final Map<String, IssuedCode> issued = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    public PaymentCodes(Consumers consumers, Clock clock, Duration ttl, long seed, Object monitor) {
        this.consumers = Objects.requireNonNull(consumers);
        this.clock = Objects.requireNonNull(clock);
        this.ttl = Objects.requireNonNull(ttl);
        this.random = new SplittableRandom(seed);
        this.monitor = Objects.requireNonNull(monitor);
    }

    public IssuedCode issue(ConsumerId consumerId, Channel channel) {
        synchronized (monitor) {
            Consumer consumer = consumers.get(consumerId);
            if (channel == Channel.UNIONPAY && consumer.unionpayQrCard() == null) {
                throw new IllegalArgumentException(consumerId + " has no card bound to UnionPay QR");
            }
            String code;
            do {
                code = generate(channel);
            } while (issued.containsKey(code));
            Instant now = clock.instant();
            IssuedCode issuedCode = new IssuedCode(code, channel, consumerId, now, now.plus(ttl));
            issued.put(code, issuedCode);
            return issuedCode;
        }
    }

    /** Looks the code up for {@code channel} and, when it is valid, spends it. */
    public Redemption redeem(String code, Channel channel) {
        synchronized (monitor) {
            if (PaymentCode.issuerOrNull(code) != channel) {
                return new Redemption.Malformed();
            }
            IssuedCode found = issued.get(code);
            if (found == null) {
                return new Redemption.Unknown();
            }
            if (used.contains(code)) {
                return new Redemption.AlreadyUsed(found);
            }
            if (found.expiredAt(clock.instant())) {
                return new Redemption.Expired(found);
            }
            used.add(code);
            return new Redemption.Valid(found);
        }
    }

    /** Who a code belongs to, without spending it (WeChat checks the buyer of a retried order). */
    public Optional<IssuedCode> peek(String code) {
        synchronized (monitor) {
            return Optional.ofNullable(issued.get(code));
        }
    }

    private String generate(Channel channel) {
        StringBuilder digits = new StringBuilder(19);
        int length;
        switch (channel) {
            case ALIPAY -> {
                digits.append(25 + random.nextInt(6));
                length = 18;
            }
            case WECHAT -> {
                digits.append(10 + random.nextInt(6));
                length = 18;
            }
            case UNIONPAY -> {
                digits.append("62");
                length = 19;
            }
            default -> throw new IllegalArgumentException("unknown channel " + channel);
        }
        while (digits.length() < length) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
