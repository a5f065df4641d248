package io.shoudan.channels.wechat.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * WeChat Pay v2 HMAC-SHA256 signing: stringA = every field but {@code sign} with a non-blank value,
 * sorted by name (ASCII), {@code k=v&k=v} with raw values; sign = upper-case hex of
 * HMAC-SHA256(key = API key, stringA + {@code "&key=" + API key}). {@code sign_type} is signed like any field.
 */
final class WechatSignature {

    static final String SIGN_TYPE = "HMAC-SHA256";

    private WechatSignature() {
    }

    static String stringA(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> field : new TreeMap<>(fields).entrySet()) {
            if ("sign".equals(field.getKey()) || field.getValue() == null || field.getValue().isBlank()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append('&');
            }
            text.append(field.getKey()).append('=').append(field.getValue());
        }
        return text.toString();
    }

    static String sign(Map<String, String> fields, String apiKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((stringA(fields) + "&key=" + apiKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** True when {@code sign} is present and right; compared in constant time. */
    static boolean verifies(Map<String, String> fields, String apiKey) {
        String given = fields.get("sign");
        if (given == null || given.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sign(fields, apiKey).getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
