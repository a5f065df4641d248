package io.shoudan.sandbox.consumer;

import io.shoudan.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every consumer of the sandbox and what each spent per Beijing day. Not thread-safe on its own: the
 * simulators call it under the sandbox's single monitor, so that a payment's checks and its money
 * movement are one step.
 */
public final class Consumers {

    private final Map<ConsumerId, Consumer> byId = new LinkedHashMap<>();
    private final Map<ConsumerId, Map<LocalDate, Money>> spentPerDay = new HashMap<>();
    private final Object monitor;

    public Consumers(Object monitor) {
        this.monitor = monitor;
    }

    public Consumer register(ConsumerSetup setup) {
        synchronized (monitor) {
            String openid = String.format("oSdbx%023d", byId.size() + 1L);
            Consumer consumer = setup.build(openid);
            if (byId.containsKey(consumer.id())) {
                throw new IllegalArgumentException("consumer " + consumer.id() + " already exists");
            }
            for (FundingSource source : consumer.sources()) {
                if (source instanceof FundingSource.BankCard card && cardOwner(card.pan()).isPresent()) {
                    throw new IllegalArgumentException("card " + card.maskedPan() + " already belongs to someone");
                }
            }
            byId.put(consumer.id(), consumer);
            return consumer;
        }
    }

    public Optional<Consumer> find(ConsumerId id) {
        synchronized (monitor) {
            return Optional.ofNullable(byId.get(id));
        }
    }

    public Consumer get(ConsumerId id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no consumer " + id));
    }

    public Optional<Consumer> findByOpenid(String openid) {
        synchronized (monitor) {
            return byId.values().stream().filter(c -> c.openid().equals(openid)).findFirst();
        }
    }

    /** Changes a consumer's state (an admin action or a money movement). */
    public Consumer update(ConsumerId id, UnaryOperator<Consumer> change) {
        synchronized (monitor) {
            Consumer next = change.apply(get(id));
            if (!next.id().equals(id)) {
                throw new IllegalArgumentException("an update cannot change the id");
            }
            byId.put(id, next);
            return next;
        }
    }

    /** Admin: freeze, unfreeze or put a consumer under risk control. */
    public Consumer setStatus(ConsumerId id, AccountStatus status) {
        return update(id, c -> c.withStatus(status));
    }

    /**
     * Admin: replaces one funding source by a new value of the same kind and id — a top-up, a Huabei
     * status change, a card blocked by its bank. Money added this way enters the sandbox from outside.
     */
    public Consumer replaceSource(ConsumerId id, FundingSource source) {
        return update(id, c -> c.withSource(source));
    }

    public Optional<Consumer> cardOwner(String pan) {
        synchronized (monitor) {
            for (Consumer consumer : byId.values()) {
                if (consumer.cardByPan(pan).isPresent()) {
                    return Optional.of(consumer);
                }
            }
            return Optional.empty();
        }
    }

    /** Takes {@code amount} from one source; the caller has checked it is available. */
    public void debit(ConsumerId id, SourceId source, Money amount) {
        update(id, c -> {
            FundingSource from = c.source(source);
            if (from.available().isLessThan(amount)) {
                throw new IllegalStateException("debit above available on " + id + "/" + source);
            }
            return c.withSource(from.withAvailable(from.available().minus(amount)));
        });
    }

    public void credit(ConsumerId id, SourceId source, Money amount) {
        update(id, c -> {
            FundingSource to = c.source(source);
            return c.withSource(to.withAvailable(to.available().plus(amount)));
        });
    }

    public Money spentOn(ConsumerId id, LocalDate day) {
        synchronized (monitor) {
            return spentPerDay.getOrDefault(id, Map.of()).getOrDefault(day, Money.ZERO);
        }
    }

    public void recordSpend(ConsumerId id, LocalDate day, Money amount) {
        synchronized (monitor) {
            spentPerDay.computeIfAbsent(id, k -> new HashMap<>()).merge(day, amount, Money::plus);
        }
    }

    public List<Consumer> all() {
        synchronized (monitor) {
            return new ArrayList<>(byId.values());
        }
    }

    public Money fundsTotal() {
        synchronized (monitor) {
            Money total = Money.ZERO;
            for (Consumer consumer : byId.values()) {
                total = total.plus(consumer.fundsTotal());
            }
            return total;
        }
    }
}
