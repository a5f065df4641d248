package io.shoudan.fee;

import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Rate cards held in memory: the implementation for tests, the demo and any deployment that loads its
 * prices at start. Adding a card never removes older versions; the highest version in force wins.
 */
public final class RateCardBook implements RateCards {

    private final List<RateCard> cards = new CopyOnWriteArrayList<>();

    public RateCardBook(List<RateCard> cards) {
        cards.forEach(this::add);
    }

    public RateCardBook() {
        this(List.of());
    }

    /** Adds a card; the same id and version twice is refused, since a version is never edited in place. */
    public void add(RateCard card) {
        for (RateCard existing : cards) {
            if (existing.id().equals(card.id()) && existing.version() == card.version()) {
                throw new IllegalArgumentException("rate card " + card.id() + " v" + card.version() + " already exists");
            }
        }
        cards.add(card);
    }

    @Override
    public Optional<RateCard> inForce(MerchantId merchant, PaymentMethod method, LocalDate day) {
        return cards.stream()
                .filter(card -> card.merchant().equals(merchant) && card.method() == method && card.inForceOn(day))
                .max(Comparator.comparingInt(RateCard::version));
    }

    public List<RateCard> all() {
        return List.copyOf(new ArrayList<>(cards));
    }
}
