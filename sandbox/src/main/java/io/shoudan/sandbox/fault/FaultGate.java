package io.shoudan.sandbox.fault;

import io.shoudan.method.Channel;
import io.shoudan.sandbox.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts the fault injector in front of a simulator's call, the same way for all three channels:
 * system error and service unavailable answer without processing; user-paying processes with a forced password step;
 * delay processes, lets the time pass (outside any lock), then answers; response-lost processes and
 * answers nothing; tamper-signature processes and answers with the reply marked for a corrupted signature.
 */
public final class FaultGate {

    private final FaultInjector injector;
    private final Sleeper sleeper;

    public FaultGate(FaultInjector injector, Sleeper sleeper) {
        this.injector = Objects.requireNonNull(injector);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    /**
     * @param failure     the channel's own answer for a system error or an unavailable service
     * @param process     processes the call; its argument is the forced password step, if any
     */
    public <A> ChannelReply<A> call(Channel channel, Operation operation, String outTradeNo, Function<Fault, A> failure,
                                    Function<Optional<Fault.UserPaying>, A> process) {
        Optional<Fault> fault = injector.decide(channel, operation, outTradeNo);
        if (fault.isEmpty()) {
            return ChannelReply.now(process.apply(Optional.empty()));
        }
        return switch (fault.get()) {
            case Fault.SystemError systemError -> ChannelReply.now(failure.apply(systemError));
            case Fault.ServiceUnavailable unavailable -> ChannelReply.now(failure.apply(unavailable));
            case Fault.UserPaying userPaying -> ChannelReply.now(process.apply(
                    operation == Operation.PAY ? Optional.of(userPaying) : Optional.empty()));
            case Fault.Delay delay -> {
                A answer = process.apply(Optional.empty());
                Duration late = delay.delay();
                sleeper.sleep(late);
                yield new ChannelReply.Delivered<>(answer, late);
            }
            case Fault.TamperSignature tamper ->
                    new ChannelReply.Delivered<>(process.apply(Optional.empty()), Duration.ZERO, true);
            case Fault.ResponseLost lost -> {
                process.apply(Optional.empty());
                yield new ChannelReply.ResponseLost<>();
            }
        };
    }
}
