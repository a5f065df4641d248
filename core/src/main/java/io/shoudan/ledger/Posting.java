package io.shoudan.ledger;

import io.shoudan.money.Money;

/**
 * One line of a journal: an amount on one account, a debit when positive and a credit when negative.
 * A zero posting says nothing and is refused.
 */
public record Posting(Account account, Money amount) {

    public Posting {
        if (account == null || amount == null) {
            throw new IllegalArgumentException("a posting needs an account and an amount");
        }
        if (amount.isZero()) {
            throw new IllegalArgumentException("a posting of zero on " + account.code() + " says nothing");
        }
    }

    public static Posting debit(Account account, Money amount) {
        requirePositive(amount);
        return new Posting(account, amount);
    }

    public static Posting credit(Account account, Money amount) {
        requirePositive(amount);
        return new Posting(account, amount.negate());
    }

    private static void requirePositive(Money amount) {
        if (amount == null || !amount.isPositive()) {
            throw new IllegalArgumentException("debit and credit take a positive amount, got " + amount);
        }
    }

    public boolean isDebit() {
        return amount.isPositive();
    }
}
