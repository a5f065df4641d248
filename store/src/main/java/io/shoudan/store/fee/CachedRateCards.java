package io.shoudan.store.fee;

import io.shoudan.fee.RateCard;
import io.shoudan.fee.RateCards;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * This node's copy of the rate cards in force, so a sale is priced without a round trip of its own:
 * the card in force for a merchant, method and day (or the fact that there is none) is read from
 * {@code source} once and kept until the {@code fee_rate_cards} counter of {@code config_versions}
 * moves. {@link RateCardRepository#save} raises that counter in the card's own transaction, a sale's
 * snapshot reads it, and whoever reads the snapshot hands the number to {@link #current} before the
 * sale is priced — so a sale is priced on cards at least as new as its snapshot, the same guarantee a
 * separate read right after the snapshot gave.
 *
 * <p>Until {@link #current} is first called every look-up goes to {@code source}. The cards held
 * belong to one <em>generation</em>: a counter value, and every card read after that value was seen.
 * A card read while the counter moved is not kept (it may be older than the new number), and a
 * generation holds at most {@value #MAX_CARDS} look-ups (merchants × methods × days), after which it
 * starts empty again, so yesterday's days cannot pile up.
 */
public final class CachedRateCards implements RateCards {

    /** Look-ups one generation keeps: a few per merchant, for every merchant a large acquirer serves. */
    static final int MAX_CARDS = 200_000;

    private final RateCards source;
    private volatile Generation generation;

    private record Key(MerchantId merchant, PaymentMethod method, LocalDate day) {
    }

    private record Generation(long version, ConcurrentMap<Key, Optional<RateCard>> cards) {

        Generation(long version) {
            this(version, new ConcurrentHashMap<>());
        }
    }

    public CachedRateCards(RateCards source) {
        this.source = source;
    }

    /**
     * Tells the copy the {@code fee_rate_cards} counter a snapshot just read: a number other than the
     * one it holds cards for drops them all.
     */
    public void current(long version) {
        Generation held = generation;
        if (held == null || held.version() != version) {
            generation = new Generation(version);
        }
    }

    @Override
    public Optional<RateCard> inForce(MerchantId merchant, PaymentMethod method, LocalDate day) {
        Generation held = generation;
        if (held == null) {
            return source.inForce(merchant, method, day);
        }
        Key key = new Key(merchant, method, day);
        Optional<RateCard> card = held.cards().get(key);
        if (card != null) {
            return card;
        }
        card = source.inForce(merchant, method, day);
        keep(held, key, card);
        return card;
    }

    /** Keeps a card read under {@code held}, unless the counter moved while it was read. */
    private void keep(Generation held, Key key, Optional<RateCard> card) {
        if (generation != held) {
            return;
        }
        if (held.cards().size() >= MAX_CARDS) {
            generation = new Generation(held.version());
            return;
        }
        held.cards().putIfAbsent(key, card);
    }
}
