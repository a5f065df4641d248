package io.shoudan.fee;

import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Rate cards held in memory: the implementation for tests, the demo and any deployment that loads its
 * prices at start. Cards are indexed by merchant and method, so a lookup reads only that merchant's
 * versions. Adding a card never removes older versions; the highest version in force wins.
 */
public final class RateCardBook implements RateCards {

    private record Key(MerchantId merchant, PaymentMethod method) {
    }

    private final Map<Key, List<RateCard>> cards = new ConcurrentHashMap<>();

    public RateCardBook(List<RateCard> cards) {
        cards.forEach(this::add);
    }

    public RateCardBook() {
        this(List.of());
    }

    /** Adds a card; the same id and version twice is refused, since a version is never edited in place. */
    public synchronized void add(RateCard card) {
        for (List<RateCard> versions : cards.values()) {
            for (RateCard existing : versions) {
                if (existing.id().equals(card.id()) && existing.version() == card.version()) {
                    throw new IllegalArgumentException("rate card " + card.id() + " v" + card.version() + " already exists");
                }
            }
        }
        cards.computeIfAbsent(new Key(card.merchant(), card.method()), key -> new CopyOnWriteArrayList<>()).add(card);
    }

    @Override
    public Optional<RateCard> inForce(MerchantId merchant, PaymentMethod method, LocalDate day) {
        List<RateCard> versions = cards.get(new Key(merchant, method));
        if (versions == null) {
            return Optional.empty();
        }
        return versions.stream().filter(card -> card.inForceOn(day)).max(Comparator.comparingInt(RateCard::version));
    }

    public List<RateCard> all() {
        List<RateCard> all = new ArrayList<>();
        cards.values().forEach(all::addAll);
        all.sort(Comparator.comparing((RateCard card) -> card.id().value()).thenComparingInt(RateCard::version));
        return all;
    }
}
