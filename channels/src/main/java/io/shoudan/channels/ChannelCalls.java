package io.shoudan.channels;

import io.shoudan.channels.health.ChannelHealth;
import io.shoudan.channels.health.ChannelHealth.CallOutcome;
import io.shoudan.channels.mapping.Classified;
import io.shoudan.channels.mapping.CodeMeaning;
import io.shoudan.method.Channel;
import io.shoudan.payment.PendingCause;
import io.shoudan.payment.RawCode;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What every adapter does around a transport call, in one place: a missing or late answer is a timeout
 * (an unknown outcome, and a failure for the channel's breaker); a classified answer feeds the breaker
 * (system errors fail it, decisions do not) and, when no table knew its code, the unmapped counter.
 */
public final class ChannelCalls {

    /** Kept as the raw code when nothing came back in time. */
    public static final RawCode TIMEOUT = new RawCode("TIMEOUT");
    /** Kept as the raw code when a payment was not sent because the channel's breaker is open. */
    public static final RawCode CIRCUIT_OPEN = new RawCode("CIRCUIT_OPEN");

    private final Channel channel;
    private final ChannelHealth health;
    private final UnmappedCodes unmapped;
    private final Duration timeout;

    /** @param timeout an answer later than this is treated as no answer (the HTTP client enforces it too) */
    public ChannelCalls(Channel channel, ChannelHealth health, UnmappedCodes unmapped, Duration timeout) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.health = Objects.requireNonNull(health, "health");
        this.unmapped = Objects.requireNonNull(unmapped, "unmapped");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    public Channel channel() {
        return channel;
    }

    /** May a payment be sent now (the breaker is not open)? */
    public boolean admitsPayment() {
        return health.admitsPayment(channel);
    }

    /** The answer if it came in time; empty (and a breaker failure recorded) for no answer or a late one. */
    public <A> Optional<TransportReply.Answered<A>> arrived(TransportReply<A> reply) {
        return switch (reply) {
            case TransportReply.NoAnswer<A> none -> {
                health.record(channel, CallOutcome.CHANNEL_FAILURE, timeout);
                yield Optional.empty();
            }
            case TransportReply.Answered<A> answered when answered.took().compareTo(timeout) > 0 -> {
                health.record(channel, CallOutcome.CHANNEL_FAILURE, answered.took());
                yield Optional.empty();
            }
            case TransportReply.Answered<A> answered -> Optional.of(answered);
            // A channel whose answers never verify (key mismatch, someone in the path) is not usable: count it.
            case TransportReply.Untrusted<A> untrusted -> {
                health.record(channel, CallOutcome.CHANNEL_FAILURE, untrusted.took());
                yield Optional.empty();
            }
        };
    }

    /**
     * The raw code to keep when {@link #arrived} gave nothing: what made an answer untrustworthy
     * ({@code SECURITY.SIGNATURE_INVALID}), else {@link #TIMEOUT}.
     */
    public static RawCode unanswered(TransportReply<?> reply) {
        return reply instanceof TransportReply.Untrusted<?> untrusted ? untrusted.raw() : TIMEOUT;
    }

    /** Why the outcome is unknown when {@link #arrived} gave nothing: an unreadable answer is a channel-side error, silence a timeout. */
    public static PendingCause unansweredCause(TransportReply<?> reply) {
        return reply instanceof TransportReply.Untrusted<?> ? PendingCause.SYSTEM_ERROR : PendingCause.TIMEOUT;
    }

    /** Records what a classified answer says about the channel and counts an unmapped code; returns it unchanged. */
    public Classified judged(Classified classified, Duration took) {
        if (!classified.mapped()) {
            unmapped.count(channel, classified.raw().value());
        }
        boolean channelFailed = classified.meaning() instanceof CodeMeaning.Unknown unknown
                && unknown.cause() != PendingCause.CONSUMER_CONFIRMING;
        health.record(channel, channelFailed ? CallOutcome.CHANNEL_FAILURE : CallOutcome.HEALTHY, took);
        return classified;
    }

    /** Records a call the channel answered with a decision that needed no table (a query's trade status). */
    public void answered(Duration took) {
        health.record(channel, CallOutcome.HEALTHY, took);
    }
}
