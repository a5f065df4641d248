package io.shoudan.sandbox.http.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay v2 signing. stringA = every parameter except {@code sign} whose value is not empty (a
 * value of only blanks counts as empty), sorted by name in ASCII order, joined {@code k=v&k=v} with
 * the values as sent; stringSignTemp = stringA + {@code "&key=" + API key}; sign = upper-case hex of
 * HMAC-SHA256(key = API key, stringSignTemp) for {@code sign_type=HMAC-SHA256}, or of
 * MD5(stringSignTemp) when {@code sign_type} is {@code MD5} or absent. {@code sign_type} itself is an
 * ordinary parameter and is signed.
 */
public enum WechatSign {
    MD5("MD5"), HMAC_SHA256("HMAC-SHA256");

    private final String wire;

    WechatSign(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The sign type a request asks for: absent means MD5; anything else unknown is empty. */
    public static Optional<WechatSign> ofRequest(String signType) {
        if (signType == null || signType.isEmpty()) {
            return Optional.of(MD5);
        }
        for (WechatSign type : values()) {
            if (type.wire.equals(signType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static String stringA(Map<String, String> parameters) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> entry : new TreeMap<>(parameters).entrySet()) {
            String value = entry.getValue();
            if ("sign".equals(entry.getKey()) || value == null || value.isBlank()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append('&');
            }
            text.append(entry.getKey()).append('=').append(value);
        }
        return text.toString();
    }

    public String sign(Map<String, String> parameters, String apiKey) {
        String signTemp = stringA(parameters) + "&key=" + apiKey;
        byte[] digest;
        try {
            if (this == HMAC_SHA256) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                digest = mac.doFinal(signTemp.getBytes(StandardCharsets.UTF_8));
            } else {
                digest = MessageDigest.getInstance("MD5").digest(signTemp.getBytes(StandardCharsets.UTF_8));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(wire + " is not available in this JDK", e);
        }
        return HexFormat.of().withUpperCase().formatHex(digest);
    }

    /** Compares in constant time; a missing sign never verifies. */
    public boolean verify(Map<String, String> parameters, String apiKey) {
        String given = parameters.get("sign");
        if (given == null || given.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sign(parameters, apiKey).getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
