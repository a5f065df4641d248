package io.shoudan.channels;

import java.time.Duration;
import java.util.Objects;

/**
 * What a channel transport (HTTP client, ISO 8583 link, in-process sandbox) brings back from one call:
 * the channel's native answer and how long it took, or nothing. "Nothing" covers a socket timeout, a
 * reset connection and a response lost after the channel processed the call: the adapter cannot tell
 * them apart, so every one of them is an unknown outcome that must be queried.
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

    static <A> TransportReply<A> answered(A answer) {
        return new Answered<>(answer, Duration.ZERO);
    }

    static <A> TransportReply<A> noAnswer() {
        return new NoAnswer<>();
    }
}
