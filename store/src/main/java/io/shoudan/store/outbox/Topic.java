package io.shoudan.store.outbox;

import java.util.regex.Pattern;

/** What kind of message: {@code payment.succeeded}, {@code refund.succeeded}, … (lower case, dotted). */
public record Topic(String name) {

    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    public Topic {
        if (name == null || name.length() > 64 || !FORM.matcher(name).matches()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a topic (lower-case words joined by '.', at most 64)");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
