package io.shoudan.store.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A digest of a request's content (method, amount, installments, …). A retry with the same key and
 * the same fingerprint is the same request; with another fingerprint it is a changed request
 * ({@code OPERATION.DUPLICATE_REQUEST}).
 */
public record RequestFingerprint(String value) {

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{64}");

    public RequestFingerprint {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + value + "\" is not a request fingerprint (64 lower-case hex digits)");
        }
    }

    /**
     * The SHA-256 of the request's canonical content. The caller decides what the content is;
     * it must list the fields in a fixed order so the same request always gives the same text.
     */
    public static RequestFingerprint of(String canonicalContent) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalContent.getBytes(StandardCharsets.UTF_8));
            return new RequestFingerprint(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
