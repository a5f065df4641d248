package io.shoudan.sandbox.fault;

import io.shoudan.method.Channel;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When to inject a fault. A call matches when it goes to {@code channel}, is one of
 * {@code operations} (empty: any), and carries {@code outTradeNo} (null: any). Among the calls it
 * matches, the rule fires on every {@code everyNth}-th one (1: each), and then only with
 * {@code percent} chance drawn from the injector's seeded generator (100: always).
 */
public record FaultRule(Channel channel, Set<Operation> operations, String outTradeNo, int everyNth, int percent,
                        Fault fault) {

    public FaultRule {
        Objects.requireNonNull(channel, "channel");
        operations = operations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(operations));
        if (everyNth < 1) {
            throw new IllegalArgumentException("everyNth is at least 1: " + everyNth);
        }
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent is 1-100: " + percent);
        }
        Objects.requireNonNull(fault, "fault");
    }

    /** Every call to {@code channel} gets {@code fault}. */
    public static FaultRule always(Channel channel, Fault fault) {
        return new FaultRule(channel, Set.of(), null, 1, 100, fault);
    }

    public FaultRule onlyFor(Operation... ops) {
        return new FaultRule(channel, Set.of(ops), outTradeNo, everyNth, percent, fault);
    }

    public FaultRule onlyForTrade(String tradeNo) {
        return new FaultRule(channel, operations, Objects.requireNonNull(tradeNo), everyNth, percent, fault);
    }

    public FaultRule everyNth(int n) {
        return new FaultRule(channel, operations, outTradeNo, n, percent, fault);
    }

    public FaultRule withPercent(int chance) {
        return new FaultRule(channel, operations, outTradeNo, everyNth, chance, fault);
    }

    boolean matches(Channel callChannel, Operation operation, String callOutTradeNo) {
        return channel == callChannel
                && (operations.isEmpty() || operations.contains(operation))
                && (outTradeNo == null || outTradeNo.equals(callOutTradeNo));
    }
}
