package io.shoudan.ledger;

import java.util.regex.Pattern;

/**
 * A journal's id. Derived from the movement it books ({@link #of}), so booking the same movement twice
 * produces the same id, and a store's unique key turns a double booking into a loud failure.
 */
public record JournalId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    public JournalId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + value + "\" is not a journal id");
        }
    }

    public static JournalId of(TransactionRef source, JournalKind kind) {
        return new JournalId(source.value() + ":" + kind.name());
    }

    @Override
    public String toString() {
        return value;
    }
}
