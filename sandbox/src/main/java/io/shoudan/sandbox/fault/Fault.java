package io.shoudan.sandbox.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Something that goes wrong with one call to a channel. */
public sealed interface Fault {

    /**
     * The call is processed normally but the answer arrives {@code delay} later: the sandbox's sleeper
     * lets the time pass (virtually in-process) and the reply declares it, so a caller whose timeout
     * is shorter treats it as a timeout.
     */
    record Delay(Duration delay) implements Fault {
        public Delay {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a delay is not negative: " + delay);
            }
        }
    }

    /**
     * The channel fails before doing anything: ACQ.SYSTEM_ERROR, SYSTEMERROR, field 39 = 96. Nothing
     * moves; whether anything happened is for the caller to find out (it should query).
     */
    record SystemError() implements Fault {
    }

    /**
     * The channel's gateway is unavailable before the call reaches the business system: Alipay 20000
     * (isp.unknow-error), WeChat return_code FAIL, field 39 = 96. Nothing moves; the caller should
     * query.
     */
    record ServiceUnavailable() implements Fault {
    }

    /**
     * A payment goes to the buyer's password step even below the consumer's threshold (Alipay 10003,
     * WeChat USERPAYING, UnionPay 09). The buyer confirms {@code confirmsAfter} later; empty: never,
     * the channel closes the trade after its window. Only meaningful for {@link Operation#PAY}.
     */
    record UserPaying(Optional<Duration> confirmsAfter) implements Fault {
        public UserPaying {
            Objects.requireNonNull(confirmsAfter, "confirmsAfter");
        }
    }

    /**
     * The call is processed (the money moves) and the answer never reaches the caller: a timeout or
     * a reset connection. The caller must query to learn what happened.
     */
    record ResponseLost() implements Fault {
    }

    /**
     * The call is processed and answered normally, but the answer's signature is corrupted on the way
     * (one character of the Base64 / hex signature changed), as a man in the middle or a wrong key would
     * make it. Only the HTTP layer signs, so in-process the answer is simply delivered with
     * {@link ChannelReply.Delivered#signatureTampered()} set; a client must refuse the answer and
     * learn the outcome by querying.
     */
    record TamperSignature() implements Fault {
    }
}
