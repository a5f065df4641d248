package io.shoudan.channels.alipay.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * Where and as whom {@link SdkAlipayTransport} talks to the Alipay Open API gateway.
 *
 * @param gatewayUrl      {@code https://openapi.alipay.com/gateway.do} in production; the sandbox's
 *                        {@code http://127.0.0.1:PORT/gateway.do} by default
 * @param appId           the application whose key pair this is (the SDK's {@code appId}); requests for
 *                        other {@code app_id}s are signed with the same key pair (one ISV application)
 * @param appPrivateKey   the app's RSA private key, PKCS#8, one Base64 line (the SDK's {@code privateKey})
 * @param alipayPublicKey Alipay's public key (支付宝公钥), X.509, one Base64 line: answers are verified with it
 * @param connectTimeout  TCP connect limit
 * @param readTimeout     limit for the answer once connected; keep it at or below the adapter's
 *                        {@code ChannelCalls} timeout, so a late answer is cut here, not waited for
 */
public record AlipayConfiguration(URI gatewayUrl, String appId, String appPrivateKey, String alipayPublicKey,
                                  Duration connectTimeout, Duration readTimeout) {

    /** Alipay's production gateway. */
    public static final URI PRODUCTION_GATEWAY = URI.create("https://openapi.alipay.com/gateway.do");
    /** The key files the sandbox writes into {@code DIR/alipay/} (docs/SANDBOX.md). */
    public static final String APP_PRIVATE_KEY_FILE = "app_private_key.pem";
    public static final String ALIPAY_PUBLIC_KEY_FILE = "alipay_public_key.pem";
    /** Connect 5 s, read 8 s: under the adapters' 10 s so the SDK gives up before the adapter stops waiting. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(8);

    public AlipayConfiguration {
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        if (!"http".equals(gatewayUrl.getScheme()) && !"https".equals(gatewayUrl.getScheme()) || gatewayUrl.getHost() == null) {
            throw new IllegalArgumentException("the Alipay gateway must be an http(s) URL, got " + gatewayUrl);
        }
        if (appId == null || !appId.matches("[0-9A-Za-z]{1,32}")) {
            throw new IllegalArgumentException("\"" + appId + "\" is not an Alipay app_id (1-32 letters or digits)");
        }
        requireBase64Key(appPrivateKey, "appPrivateKey");
        requireBase64Key(alipayPublicKey, "alipayPublicKey");
        requirePositiveMillis(connectTimeout, "connectTimeout");
        requirePositiveMillis(readTimeout, "readTimeout");
    }

    /** Production: Alipay's gateway, the keys from the Alipay open platform console, default timeouts. */
    public static AlipayConfiguration production(String appId, String appPrivateKey, String alipayPublicKey) {
        return new AlipayConfiguration(PRODUCTION_GATEWAY, appId, appPrivateKey, alipayPublicKey, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT);
    }

    /**
     * The sandbox: its gateway URL and the key files it wrote into {@code keyDirectory}
     * ({@code data/sandbox/alipay} by default), default timeouts.
     */
    public static AlipayConfiguration sandbox(URI gatewayUrl, String appId, Path keyDirectory) {
        return new AlipayConfiguration(gatewayUrl, appId, pemBody(keyDirectory.resolve(APP_PRIVATE_KEY_FILE)),
                pemBody(keyDirectory.resolve(ALIPAY_PUBLIC_KEY_FILE)), DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public AlipayConfiguration withTimeouts(Duration connect, Duration read) {
        return new AlipayConfiguration(gatewayUrl, appId, appPrivateKey, alipayPublicKey, connect, read);
    }

    /** A PEM file's Base64 body on one line, as the SDK wants keys. */
    public static String pemBody(Path pemFile) {
        try {
            StringBuilder body = new StringBuilder();
            for (String line : Files.readAllLines(pemFile, StandardCharsets.US_ASCII)) {
                if (!line.startsWith("-----")) {
                    body.append(line.strip());
                }
            }
            return body.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + pemFile, e);
        }
    }

    /** Never prints the private key. */
    @Override
    public String toString() {
        return "AlipayConfiguration[gatewayUrl=" + gatewayUrl + ", appId=" + appId + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }

    private static void requireBase64Key(String key, String name) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException notBase64) {
            // The message names the field only: the value may be a private key.
            throw new IllegalArgumentException(name + " must be the key's Base64 body on one line (no PEM header)");
        }
        if (decoded.length < 64) {
            throw new IllegalArgumentException(name + " is too short to be an RSA key");
        }
    }

    private static void requirePositiveMillis(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and " + Integer.MAX_VALUE + " ms, got " + timeout);
        }
    }
}
