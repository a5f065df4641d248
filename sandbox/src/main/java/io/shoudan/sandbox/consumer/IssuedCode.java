package io.shoudan.sandbox.consumer;

import io.shoudan.method.Channel;
import io.shoudan.method.PaymentCode;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment code (付款码) shown on a consumer's phone. Valid from {@code issuedAt} until just before
 * {@code expiresAt}: at exactly {@code expiresAt} it has expired.
 */
public record IssuedCode(String code, Channel channel, ConsumerId consumer, Instant issuedAt, Instant expiresAt) {

    public IssuedCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (PaymentCode.issuerOrNull(code) != channel) {
            throw new IllegalArgumentException("not a " + channel + " payment code: " + PaymentCode.masked(code));
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a code expires after it is issued");
        }
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "IssuedCode[" + PaymentCode.masked(code) + ", " + channel + ", " + consumer + ", expires " + expiresAt + "]";
    }
}
