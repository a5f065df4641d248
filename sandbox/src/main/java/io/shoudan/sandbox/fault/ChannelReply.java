package io.shoudan.sandbox.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the caller of a simulated channel gets back: the channel's answer, possibly late, or nothing
 * at all. An HTTP layer turns {@link Delivered} into a response written after {@code delay} and
 * {@link ResponseLost} into a dropped connection.
 */
public sealed interface ChannelReply<A> {

    /**
     * The answer, arriving {@code delay} after the call (zero unless a delay fault was injected).
     *
     * @param signatureTampered a {@link Fault.TamperSignature} fired: the HTTP layer corrupts the
     *                          signature it puts on this answer (in-process it changes nothing)
     */
    record Delivered<A>(A answer, Duration delay, boolean signatureTampered) implements ChannelReply<A> {
        public Delivered {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(delay, "delay");
        }

        public Delivered(A answer, Duration delay) {
            this(answer, delay, false);
        }
    }

    /**
     * The channel processed the call (money may have moved) but the answer was lost on the way: the
     * caller sees a timeout or transport failure and must query.
     */
    record ResponseLost<A>() implements ChannelReply<A> {
    }

    static <A> ChannelReply<A> now(A answer) {
        return new Delivered<>(answer, Duration.ZERO);
    }

    /** The answer if it arrived; empty when it was lost. */
    default Optional<A> delivered() {
        return switch (this) {
            case Delivered<A> delivered -> Optional.of(delivered.answer());
            case ResponseLost<A> lost -> Optional.empty();
        };
    }
}
