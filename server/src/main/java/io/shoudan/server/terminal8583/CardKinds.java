package io.shoudan.server.terminal8583;

import io.shoudan.iso8583.pin.Pan;
import io.shoudan.method.PaymentMethod;

/**
 * Port: whether a card is a UnionPay debit or credit card (it prices the sale: debit 0.50% capped, credit 0.60%),
 * from its BIN: {@link BinTable} in a node; {@link #ALL_DEBIT} is for tests and the load generator.
 */
@FunctionalInterface
public interface CardKinds {
    PaymentMethod methodFor(Pan pan);

    CardKinds ALL_DEBIT = pan -> PaymentMethod.UNIONPAY_DEBIT;
}
