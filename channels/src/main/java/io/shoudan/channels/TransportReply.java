package io.shoudan.channels;

import io.shoudan.payment.RawCode;
import io.shoudan.reason.ReasonCode;

import java.time.Duration;
import java.util.Objects;

/**
 * What a channel transport (HTTP client, ISO 8583 link, in-process sandbox) brings back from one call:
 * the channel's native answer and how long it took, or nothing. "Nothing" covers a socket timeout, a
 * reset connection and a response lost after the channel processed the call: the adapter cannot tell
 * them apart, so every one of them is an unknown outcome that must be queried. An answer that came
 * but cannot be trusted (bad signature) is {@link Untrusted}: unknown too, with its cause kept.
 */
public sealed interface TransportReply<A> {

    /** The answer arrived after {@code took}; the adapter still treats it as a timeout when {@code took} exceeds its limit. */
    record Answered<A>(A answer, Duration took) implements TransportReply<A> {
        public Answered {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(took, "took");
            if (took.isNegative()) {
                throw new IllegalArgumentException("a call cannot take negative time: " + took);
            }
        }
    }

    /** No answer: timed out, connection lost, or the response was lost after the channel acted. */
    record NoAnswer<A>() implements TransportReply<A> {
    }

    /**
     * Something came back but cannot be believed: its signature did not verify (tampered on the way, or
     * a key mismatch). It may even claim success, so it is neither a success nor a refusal — like no
     * answer, the outcome is unknown and a query settles it; unlike no answer, {@code raw} says why, so
     * the payment's history shows it.
     */
    record Untrusted<A>(RawCode raw, Duration took) implements TransportReply<A> {
        /** The raw code kept for an answer whose signature failed: the catalogue's reason code, for the person reading the history. */
        public static final RawCode SIGNATURE_INVALID = new RawCode(ReasonCode.SECURITY_SIGNATURE_INVALID.code());

        public Untrusted {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(took, "took");
            if (took.isNegative()) {
                throw new IllegalArgumentException("a call cannot take negative time: " + took);
            }
        }
    }

    static <A> TransportReply<A> answered(A answer) {
        return new Answered<>(answer, Duration.ZERO);
    }

    static <A> TransportReply<A> noAnswer() {
        return new NoAnswer<>();
    }

    /** An answer whose signature did not verify. */
    static <A> TransportReply<A> signatureInvalid(Duration took) {
        return new Untrusted<>(Untrusted.SIGNATURE_INVALID, took);
    }
}
