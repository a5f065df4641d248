package io.shoudan.channels.unionpay;

import java.util.regex.Pattern;

/**
 * Field 11, the system trace audit number that names a message on its terminal. Derived from our own
 * payment / refund id rather than allocated, so that a reversal or a void after a crash repeats the
 * original's number without any stored counter: the last six digits of the id (SequentialIds issue
 * one counter per node for payments and refunds, so two messages of one node share a number only a
 * million ids apart). Ids from several nodes on one host terminal id can collide: give each node its
 * own terminal id (UnionPayAccounts), as acquirers do for each front-end.
 */
public record Stan(String value) {

    private static final Pattern FORM = Pattern.compile("[0-9]{6}");

    public Stan {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("field 11 is 6 digits, got \"" + value + "\"");
        }
    }

    public static Stan of(String id) {
        StringBuilder digits = new StringBuilder();
        for (char c : id.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        if (digits.length() >= 6) {
            return new Stan(digits.substring(digits.length() - 6));
        }
        return new Stan(String.format("%06d", Math.floorMod(id.hashCode(), 1_000_000)));
    }

    @Override
    public String toString() {
        return value;
    }
}
