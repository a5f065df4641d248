package io.shoudan.server.terminal8583;

import java.util.regex.Pattern;

/** Field 42 受卡方标识码: the 15-character merchant (card acceptor) id printed on the POS. */
public record AcceptorId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9]{15}");

    public AcceptorId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a card acceptor id (field 42) is 15 letters or digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
