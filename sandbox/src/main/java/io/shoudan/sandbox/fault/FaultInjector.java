package io.shoudan.sandbox.fault;

import io.shoudan.method.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Decides, call by call, whether a fault is injected. Rules are tried in the order they were added;
 * the first that fires wins. Deterministic: the same seed, the same rules and the same sequence of
 * calls give the same faults, because the only randomness is one seeded generator drawn from in
 * call order.
 */
public final class FaultInjector {

    private final long seed;
    private final List<FaultRule> rules = new ArrayList<>();
    private final List<Long> matchedCounts = new ArrayList<>();
    private SplittableRandom random;

    public FaultInjector(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    public synchronized void add(FaultRule rule) {
        rules.add(rule);
        matchedCounts.add(0L);
    }

    /** Removes every rule and restarts the generator from the seed. */
    public synchronized void clear() {
        rules.clear();
        matchedCounts.clear();
        random = new SplittableRandom(seed);
    }

    public synchronized List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    /** @param outTradeNo the merchant's order number of the call; null when the call has none */
    public synchronized Optional<Fault> decide(Channel channel, Operation operation, String outTradeNo) {
        Optional<Fault> chosen = Optional.empty();
        for (int i = 0; i < rules.size(); i++) {
            FaultRule rule = rules.get(i);
            if (!rule.matches(channel, operation, outTradeNo)) {
                continue;
            }
            long count = matchedCounts.get(i) + 1;
            matchedCounts.set(i, count);
            if (chosen.isPresent() || count % rule.everyNth() != 0) {
                continue;
            }
            // Draw only when the rule is probabilistic, so adding an "always" rule does not shift the
            // draws of the others.
            if (rule.percent() < 100 && random.nextInt(100) >= rule.percent()) {
                continue;
            }
            chosen = Optional.of(rule.fault());
        }
        return chosen;
    }
}
