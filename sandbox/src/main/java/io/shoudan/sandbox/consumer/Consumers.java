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
    /** PAN → card holder, so that a POS sale finds its card without scanning every consumer. */
    private final Map<String, ConsumerId> cardHolders = new HashMap<>();
    private final Map<String, ConsumerId> byOpenid = new HashMap<>();
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
            List<String> pans = pans(consumer);
            for (String pan : pans) {
                if (cardHolders.containsKey(pan)) {
                    throw new IllegalArgumentException("card " + (pan.substring(0, 6) + "…" + pan.substring(pan.length() - 4)) + " already belongs to someone");
                }
            }
            if (pans.size() != new java.util.HashSet<>(pans).size()) {
                throw new IllegalArgumentException(consumer.id() + " lists the same card twice");
            }
            byId.put(consumer.id(), consumer);
            byOpenid.put(consumer.openid(), consumer.id());
            pans.forEach(pan -> cardHolders.put(pan, consumer.id()));
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
            return Optional.ofNullable(byOpenid.get(openid)).map(byId::get);
        }
    }

    /** Changes a consumer's state (an admin action or a money movement). */
    public Consumer update(ConsumerId id, UnaryOperator<Consumer> change) {
        synchronized (monitor) {
            Consumer current = get(id);
            Consumer next = change.apply(current);
            if (!next.id().equals(id) || !next.openid().equals(current.openid())) {
                throw new IllegalArgumentException("an update cannot change the id or the openid");
            }
            if (!pans(next).equals(pans(current))) {
                throw new IllegalArgumentException("an update cannot add, remove or renumber cards");
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
            return Optional.ofNullable(cardHolders.get(pan)).map(byId::get);
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

    private static List<String> pans(Consumer consumer) {
        List<String> pans = new ArrayList<>();
        for (FundingSource source : consumer.sources()) {
            if (source instanceof FundingSource.BankCard card) {
                pans.add(card.pan());
            }
        }
        return pans;
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
