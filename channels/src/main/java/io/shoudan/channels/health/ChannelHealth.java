package io.shoudan.channels.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine;
import io.shoudan.channel.ChannelState;
import io.shoudan.channel.ChannelStatus;
import io.shoudan.method.Channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One Resilience4j circuit breaker per channel, fed by the adapters, read by the eligibility snapshot.
 * A failure is what says the channel itself is in trouble — a timeout, a lost response, a system
 * error — never a business refusal (a consumer short of money says nothing about Alipay's health).
 *
 * <p>Breaker state → {@link ChannelStatus}: CLOSED → UP, or DEGRADED once the failure rate reaches
 * {@link BreakerSettings#degradedAtFailurePercent()}; HALF_OPEN → DEGRADED; OPEN (and forced open) → DOWN.
 */
public final class ChannelHealth {

    private final Map<Channel, CircuitBreaker> breakers = new EnumMap<>(Channel.class);
    /** When each breaker last opened: a breaker nobody tries stays OPEN, so status() ends the wait itself. */
    private final Map<Channel, Instant> openedAt = new ConcurrentHashMap<>();
    private final BreakerSettings settings;
    private final ChannelConnections connections;
    private final Clock clock;

    /** @param clock the breakers' time (open → half-open after {@code openFor}); a manual clock in tests */
    public ChannelHealth(BreakerSettings settings, ChannelConnections connections, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.clock = Objects.requireNonNull(clock, "clock");
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(settings.windowCalls(), settings.minimumCalls(), CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(settings.openAtFailurePercent())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.trialCalls())
                // slow calls are the adapters' business: past their limit they report a timeout failure
                .slowCallRateThreshold(100)
                .slowCallDurationThreshold(Duration.ofDays(1))
                .currentTimestampFunction(c -> c.instant().toEpochMilli() * 1_000_000L, TimeUnit.NANOSECONDS)
                .build();
        for (Channel channel : Channel.values()) {
            CircuitBreaker breaker = new CircuitBreakerStateMachine("channel-" + channel.name().toLowerCase(), config, clock);
            breaker.getEventPublisher().onStateTransition(event -> {
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    openedAt.put(channel, clock.instant());
                }
            });
            breakers.put(channel, breaker);
        }
    }

    /** The breaker itself, for metrics binding (resilience4j-micrometer) and operations (force open for a known outage). */
    public CircuitBreaker breaker(Channel channel) {
        return breakers.get(channel);
    }

    /** May a payment go to {@code channel} now? False while the breaker is open; counts as a not-permitted call. */
    public boolean admitsPayment(Channel channel) {
        return breakers.get(channel).tryAcquirePermission();
    }

    /**
     * Records one call's outcome. Queries, cancels and refunds are recorded too — they say as much about
     * the channel as payments do — though they are never refused by the breaker.
     */
    public void record(Channel channel, CallOutcome outcome, Duration took) {
        CircuitBreaker breaker = breakers.get(channel);
        long nanos = took.toNanos();
        switch (outcome) {
            case HEALTHY -> breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            case CHANNEL_FAILURE -> breaker.onError(nanos, TimeUnit.NANOSECONDS, ChannelTrouble.INSTANCE);
        }
    }

    public ChannelStatus status(Channel channel) {
        CircuitBreaker breaker = breakers.get(channel);
        endWaitIfDue(channel, breaker);
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> ChannelStatus.DOWN;
            case HALF_OPEN -> ChannelStatus.DEGRADED;
            case CLOSED, METRICS_ONLY, DISABLED -> {
                float failurePercent = breaker.getMetrics().getFailureRate();   // -1 before minimumCalls
                yield failurePercent >= settings.degradedAtFailurePercent() ? ChannelStatus.DEGRADED : ChannelStatus.UP;
            }
        };
    }

    /**
     * The eligibility snapshot refuses payments to a DOWN channel before they reach the adapter, so the
     * breaker would never see the call that moves it from OPEN to HALF_OPEN and the channel would stay
     * DOWN for ever. Reading the status therefore ends the wait (strictly after {@code openFor}, as the
     * breaker itself does): the channel reads DEGRADED and the next payments are the trial calls.
     */
    private void endWaitIfDue(Channel channel, CircuitBreaker breaker) {
        Instant opened = openedAt.get(channel);
        if (breaker.getState() == CircuitBreaker.State.OPEN && opened != null
                && clock.instant().isAfter(opened.plus(settings.openFor()))) {
            try {
                breaker.transitionToHalfOpenState();
            } catch (IllegalStateException raced) {
                // another thread moved it first; its state is read below
            }
        }
    }

    /** Live health combined with the stored connection: what the eligibility snapshot reads. */
    public ChannelState state(Channel channel) {
        ChannelConnection connection = connections.of(channel).orElse(new ChannelConnection(false, null));
        return new ChannelState(status(channel), connection.connected(), connection.credentialExpiresAt());
    }

    /** Every channel the acquirer is connected to, for {@code Snapshot.channels} (a channel absent is not connected). */
    public Map<Channel, ChannelState> states() {
        Map<Channel, ChannelState> states = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            if (connections.of(channel).isPresent()) {
                states.put(channel, state(channel));
            }
        }
        return states;
    }

    /** What one channel call says about the channel's health. */
    public enum CallOutcome {
        /** The channel answered with a decision (paid, refused, waiting for the consumer). */
        HEALTHY,
        /** Timeout, lost response, system error: the channel failed us. */
        CHANNEL_FAILURE
    }

    /** The breaker needs a throwable for a failure; ours carries no stack and no data. */
    private static final class ChannelTrouble extends RuntimeException {
        static final ChannelTrouble INSTANCE = new ChannelTrouble();

        private ChannelTrouble() {
            super("channel failure (timeout or system error)", null, false, false);
        }
    }
}
