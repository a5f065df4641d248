package io.shoudan.fee;

import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Port: where the payment service finds prices. The store implements it from its rate card table;
 * {@link RateCardBook} is the in-memory implementation.
 */
public interface RateCards {

    /** The card in force for {@code merchant} and {@code method} on {@code day}: the highest version among those in force. */
    Optional<RateCard> inForce(MerchantId merchant, PaymentMethod method, LocalDate day);

    /** Prices a payment with the card in force, or says which card is missing. */
    default Pricing price(MerchantId merchant, PaymentMethod method, LocalDate day, Money amount, Installments installments) {
        return inForce(merchant, method, day)
                .map(card -> card.price(amount, installments))
                .orElseGet(() -> new Pricing.Unpriced("no rate card for merchant " + merchant + " and " + method + " on " + day));
    }
}
