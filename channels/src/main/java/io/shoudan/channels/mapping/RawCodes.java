package io.shoudan.channels.mapping;

import io.shoudan.payment.RawCode;

/**
 * Raw codes built from what a channel sent: non-printable characters become {@code ?} and the whole
 * is cut to the 128 characters a {@link RawCode} holds, so that garbage from outside never turns into
 * an exception in the middle of a payment.
 */
public final class RawCodes {

    private static final int MAX = 128;

    private RawCodes() {
    }

    public static RawCode of(String text) {
        return new RawCode(clip(text == null || text.isEmpty() ? "NO_CODE" : text));
    }

    static String clip(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > MAX ? printable.substring(0, MAX) : printable;
    }
}
