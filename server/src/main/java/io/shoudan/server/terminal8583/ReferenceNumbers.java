package io.shoudan.server.terminal8583;

import io.shoudan.terminal.SixDigits;

/**
 * Fields 37 检索参考号 and 38 授权标识应答码 of an approval, derived from the payment's (or refund's) id, so that a
 * repeated request gets the same numbers as the first.
 */
final class ReferenceNumbers {
    private ReferenceNumbers() {
    }

    /** Field 37: the id's letters and digits, its last 12 (zero-padded on the left when shorter). */
    static String rrn(String id) {
        String clean = id.replaceAll("[^A-Za-z0-9]", "");
        return clean.length() >= 12 ? clean.substring(clean.length() - 12) : "0".repeat(12 - clean.length()) + clean;
    }

    /** Field 38: six digits derived from the id (stable across retries). */
    static String authCode(String id) {
        return SixDigits.format(Math.floorMod(id.hashCode(), 1_000_000));
    }
}
