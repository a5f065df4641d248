package io.shoudan.sandbox.http.alipay;

import java.nio.charset.Charset;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alipay's RSA2 signing: SHA256withRSA over a text's bytes in the request's charset, Base64. The
 * request's text is {@link #signContent(Map)}; an answer's text is the raw JSON of its
 * {@code *_response} node.
 */
public final class Rsa2 {

    private static final String ALGORITHM = "SHA256withRSA";

    private Rsa2() {
    }

    /**
     * What the client signed: every parameter except {@code sign} (so {@code sign_type} is in), those
     * with an empty value dropped, sorted by key in ASCII order, joined {@code k=v&k=v} with the
     * values as sent (not URL-encoded). This is what the official SDK's
     * {@code AlipaySignature.getSignatureContent} builds from its request.
     */
    public static String signContent(Map<String, String> parameters) {
        StringBuilder content = new StringBuilder();
        for (Map.Entry<String, String> entry : new TreeMap<>(parameters).entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if ("sign".equals(key) || key.isEmpty() || value == null || value.isEmpty()) {
                continue;
            }
            if (!content.isEmpty()) {
                content.append('&');
            }
            content.append(key).append('=').append(value);
        }
        return content.toString();
    }

    public static String sign(String content, PrivateKey key, Charset charset) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(content.getBytes(charset));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA signing failed", e);
        }
    }

    /** False for a wrong signature, and for one that is not even Base64. */
    public static boolean verify(String content, String signatureBase64, PublicKey key, Charset charset) {
        byte[] signature;
        try {
            signature = Base64.getMimeDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(content.getBytes(charset));
            return verifier.verify(signature);
        } catch (GeneralSecurityException malformed) {
            return false;
        }
    }
}
