package io.shoudan.store.fee;

import io.shoudan.fee.FeeRule;
import io.shoudan.fee.Rate;
import io.shoudan.fee.RateCard;
import io.shoudan.fee.RateCardId;
import io.shoudan.fee.RateCards;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node's copy of the rate cards answers as the store would, with one store read per merchant,
 * method and day for as long as the {@code fee_rate_cards} counter stands still; the store side of the
 * counter (raised by every save, read by every snapshot) is in SnapshotQueryContract, on both databases.
 */
class CachedRateCardsTest {

    private static final MerchantId M1 = new MerchantId("M1");
    private static final MerchantId M2 = new MerchantId("M2");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    /** A store of cards that counts its reads; {@link #save} raises its counter as RateCardRepository does. */
    private static final class CountingStore implements RateCards {
        final Map<String, RateCard> cards = new HashMap<>();
        long counter = 1;
        int reads;
        Runnable duringRead = () -> { };

        void save(MerchantId merchant, PaymentMethod method, int version) {
            cards.put(merchant.value() + "/" + method, card(merchant, method, version));
            counter++;
        }

        @Override
        public Optional<RateCard> inForce(MerchantId merchant, PaymentMethod method, LocalDate day) {
            reads++;
            Optional<RateCard> card = Optional.ofNullable(cards.get(merchant.value() + "/" + method));
            duringRead.run();
            return card;
        }
    }

    private static RateCard card(MerchantId merchant, PaymentMethod method, int version) {
        return new RateCard(new RateCardId("RC-" + merchant.value() + "-" + method), version, merchant, method,
                LocalDate.of(2026, 1, 1), null, new FeeRule.Scan(Rate.percent("0.38")));
    }

    private final CountingStore store = new CountingStore();
    private final CachedRateCards cached = new CachedRateCards(store);

    @Test
    void untilItIsToldACounterEveryLookUpReadsTheStore() {
        store.save(M1, PaymentMethod.ALIPAY, 1);

        cached.inForce(M1, PaymentMethod.ALIPAY, DAY);
        cached.inForce(M1, PaymentMethod.ALIPAY, DAY);

        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void whileTheCounterStandsStillACardIsReadOnce() {
        store.save(M1, PaymentMethod.ALIPAY, 1);
        cached.current(store.counter);

        Optional<RateCard> first = cached.inForce(M1, PaymentMethod.ALIPAY, DAY);
        cached.current(store.counter);
        Optional<RateCard> second = cached.inForce(M1, PaymentMethod.ALIPAY, DAY);

        assertThat(first).contains(card(M1, PaymentMethod.ALIPAY, 1));
        assertThat(second).isEqualTo(first);
        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void thatAMerchantHasNoCardForAMethodIsKeptToo() {
        cached.current(store.counter);

        assertThat(cached.inForce(M1, PaymentMethod.WECHAT_PAY, DAY)).isEmpty();
        assertThat(cached.inForce(M1, PaymentMethod.WECHAT_PAY, DAY)).isEmpty();
        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void eachMerchantMethodAndDayIsALookUpOfItsOwn() {
        store.save(M1, PaymentMethod.ALIPAY, 1);
        store.save(M2, PaymentMethod.ALIPAY, 1);
        cached.current(store.counter);

        assertThat(cached.inForce(M1, PaymentMethod.ALIPAY, DAY)).contains(card(M1, PaymentMethod.ALIPAY, 1));
        assertThat(cached.inForce(M2, PaymentMethod.ALIPAY, DAY)).contains(card(M2, PaymentMethod.ALIPAY, 1));
        assertThat(cached.inForce(M1, PaymentMethod.WECHAT_PAY, DAY)).isEmpty();
        cached.inForce(M1, PaymentMethod.ALIPAY, DAY.plusDays(1));

        assertThat(store.reads).isEqualTo(4);
    }

    @Test
    void aSavedCardPricesTheFirstSaleWhoseSnapshotReadTheRaisedCounter() {
        store.save(M1, PaymentMethod.ALIPAY, 1);
        cached.current(store.counter);
        cached.inForce(M1, PaymentMethod.ALIPAY, DAY);

        store.save(M1, PaymentMethod.ALIPAY, 2);
        Optional<RateCard> beforeTheNextSnapshot = cached.inForce(M1, PaymentMethod.ALIPAY, DAY);
        cached.current(store.counter);
        Optional<RateCard> afterIt = cached.inForce(M1, PaymentMethod.ALIPAY, DAY);

        assertThat(beforeTheNextSnapshot.orElseThrow().version()).isEqualTo(1);
        assertThat(afterIt.orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aCardReadWhileTheCounterMovedIsNotKept() {
        store.save(M1, PaymentMethod.ALIPAY, 1);
        cached.current(store.counter);
        // another sale's snapshot sees a newer counter while this look-up is reading the old card
        store.duringRead = () -> {
            store.duringRead = () -> { };
            store.save(M1, PaymentMethod.ALIPAY, 2);
            cached.current(store.counter);
        };

        Optional<RateCard> raced = cached.inForce(M1, PaymentMethod.ALIPAY, DAY);
        Optional<RateCard> next = cached.inForce(M1, PaymentMethod.ALIPAY, DAY);

        assertThat(raced.orElseThrow().version()).isEqualTo(1);
        assertThat(next.orElseThrow().version()).isEqualTo(2);
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void aFullCopyStartsEmptyRatherThanGrowWithEveryNewDay() {
        store.save(M1, PaymentMethod.ALIPAY, 1);
        cached.current(store.counter);
        for (int day = 0; day < CachedRateCards.MAX_CARDS; day++) {
            cached.inForce(M1, PaymentMethod.ALIPAY, DAY.plusDays(day));
        }
        int readsWhenFull = store.reads;

        cached.inForce(M1, PaymentMethod.ALIPAY, DAY.plusDays(CachedRateCards.MAX_CARDS)); // not kept: the copy starts over
        cached.inForce(M1, PaymentMethod.ALIPAY, DAY); // read again, kept
        cached.inForce(M1, PaymentMethod.ALIPAY, DAY);

        assertThat(readsWhenFull).isEqualTo(CachedRateCards.MAX_CARDS);
        assertThat(store.reads).isEqualTo(CachedRateCards.MAX_CARDS + 2);
    }

    // ------------------------------------------------------------ any interleaving of saves and sales

    /** A save of a new card version, or a sale: its snapshot hands over the counter, then it is priced. */
    record Step(boolean save, MerchantId merchant, PaymentMethod method, int daysAhead) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(true, false, false, false),
                Arbitraries.of(M1, M2), Arbitraries.of(PaymentMethod.ALIPAY, PaymentMethod.WECHAT_PAY), Arbitraries.integers().between(0, 2))
                .as(Step::new);
        return step.list().ofMaxSize(60);
    }

    @Property
    void everySaleIsPricedWithTheCardTheStoreHoldsAtItsSnapshot(@ForAll("steps") List<Step> steps) {
        CountingStore source = new CountingStore();
        CachedRateCards copy = new CachedRateCards(source);
        Map<String, Integer> versions = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Step step : steps) {
            if (step.save()) {
                source.save(step.merchant(), step.method(), versions.merge(step.merchant().value() + "/" + step.method(), 1, Integer::sum));
            } else {
                copy.current(source.counter);
                LocalDate day = DAY.plusDays(step.daysAhead());
                Optional<RateCard> expected = Optional.ofNullable(source.cards.get(step.merchant().value() + "/" + step.method()));
                Optional<RateCard> priced = copy.inForce(step.merchant(), step.method(), day);
                if (!priced.equals(expected)) {
                    wrong.add(step + ": " + priced + " instead of " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
