package io.shoudan.merchant;

import java.util.regex.Pattern;

/** The acquirer's merchant number, e.g. {@code M100001} (letters, digits, '-' and '_', at most 32). */
public record MerchantId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public MerchantId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + value + "\" is not a merchant id (1-32 letters, digits, '-' or '_')");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
