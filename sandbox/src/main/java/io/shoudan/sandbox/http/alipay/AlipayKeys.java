package io.shoudan.sandbox.http.alipay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The RSA keys of the sandbox's Alipay gateway, kept as PEM files in one folder so that any client
 * (the official SDK included) can be configured from them:
 *
 * <ul>
 *   <li>{@code app_private_key.pem} (PKCS#8) — the app's private key; the client signs requests with it;</li>
 *   <li>{@code app_public_key.pem} (X.509) — the app's public key, "uploaded to Alipay": the gateway
 *       verifies requests with it;</li>
 *   <li>{@code sandbox_private_key.pem} (PKCS#8) — the gateway's own key; it signs every answer;</li>
 *   <li>{@code alipay_public_key.pem} (X.509) — the gateway's public key ("支付宝公钥"): the client
 *       verifies answers with it.</li>
 * </ul>
 *
 * Generated (RSA 2048) on first start and reused afterwards. A developer who keeps their own app key
 * pair puts only {@code app_public_key.pem} in the folder: the gateway then verifies with that key and
 * generates no app private key. Every app_id of the sandbox shares the one app key pair.
 */
public final class AlipayKeys {

    public static final String APP_PRIVATE_KEY = "app_private_key.pem";
    public static final String APP_PUBLIC_KEY = "app_public_key.pem";
    public static final String SANDBOX_PRIVATE_KEY = "sandbox_private_key.pem";
    public static final String ALIPAY_PUBLIC_KEY = "alipay_public_key.pem";

    private static final int KEY_BITS = 2048;

    private final Path directory;
    private final PublicKey appPublicKey;
    private final PrivateKey sandboxPrivateKey;
    private final PublicKey sandboxPublicKey;

    private AlipayKeys(Path directory, PublicKey appPublicKey, PrivateKey sandboxPrivateKey,
                       PublicKey sandboxPublicKey) {
        this.directory = directory;
        this.appPublicKey = appPublicKey;
        this.sandboxPrivateKey = sandboxPrivateKey;
        this.sandboxPublicKey = sandboxPublicKey;
    }

    /** Loads the keys from {@code directory}, generating (and writing) whatever is missing. */
    public static AlipayKeys loadOrGenerate(Path directory) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
            PublicKey appPublic;
            if (Files.exists(directory.resolve(APP_PUBLIC_KEY))) {
                appPublic = readPublic(directory.resolve(APP_PUBLIC_KEY));
            } else {
                KeyPair app = generate();
                writePrivate(directory.resolve(APP_PRIVATE_KEY), app.getPrivate());
                writePublic(directory.resolve(APP_PUBLIC_KEY), app.getPublic());
                appPublic = app.getPublic();
            }
            PrivateKey sandboxPrivate;
            PublicKey sandboxPublic;
            if (Files.exists(directory.resolve(SANDBOX_PRIVATE_KEY))) {
                sandboxPrivate = readPrivate(directory.resolve(SANDBOX_PRIVATE_KEY));
                sandboxPublic = publicOf(sandboxPrivate);
                if (!Files.exists(directory.resolve(ALIPAY_PUBLIC_KEY))) {
                    writePublic(directory.resolve(ALIPAY_PUBLIC_KEY), sandboxPublic);
                }
            } else {
                KeyPair sandbox = generate();
                writePrivate(directory.resolve(SANDBOX_PRIVATE_KEY), sandbox.getPrivate());
                writePublic(directory.resolve(ALIPAY_PUBLIC_KEY), sandbox.getPublic());
                sandboxPrivate = sandbox.getPrivate();
                sandboxPublic = sandbox.getPublic();
            }
            return new AlipayKeys(directory, appPublic, sandboxPrivate, sandboxPublic);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the Alipay sandbox keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Alipay sandbox keys in " + directory + " are not RSA keys", e);
        }
    }

    public Path directory() {
        return directory;
    }

    public Path appPrivateKeyFile() {
        return directory.resolve(APP_PRIVATE_KEY);
    }

    public Path appPublicKeyFile() {
        return directory.resolve(APP_PUBLIC_KEY);
    }

    public Path alipayPublicKeyFile() {
        return directory.resolve(ALIPAY_PUBLIC_KEY);
    }

    public Path sandboxPrivateKeyFile() {
        return directory.resolve(SANDBOX_PRIVATE_KEY);
    }

    PublicKey appPublicKey() {
        return appPublicKey;
    }

    PrivateKey sandboxPrivateKey() {
        return sandboxPrivateKey;
    }

    public PublicKey sandboxPublicKey() {
        return sandboxPublicKey;
    }

    /**
     * The Base64 body of a PEM file on one line — the form the Alipay SDK takes its keys in
     * ({@code privateKey}, {@code alipayPublicKey}).
     */
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
            throw new UncheckedIOException("cannot read " + pemFile, e);
        }
    }

    private static KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(KEY_BITS);
        return generator.generateKeyPair();
    }

    private static PublicKey readPublic(Path file) throws GeneralSecurityException {
        byte[] der = Base64.getDecoder().decode(pemBody(file));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    private static PrivateKey readPrivate(Path file) throws GeneralSecurityException {
        byte[] der = Base64.getDecoder().decode(pemBody(file));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static PublicKey publicOf(PrivateKey privateKey) throws GeneralSecurityException {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new GeneralSecurityException("the sandbox private key carries no public exponent");
        }
        return KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    private static void writePublic(Path file, PublicKey key) throws IOException {
        Files.writeString(file, pem("PUBLIC KEY", key.getEncoded()), StandardCharsets.US_ASCII);
    }

    private static void writePrivate(Path file, PrivateKey key) throws IOException {
        Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
        ownerOnly(file);
    }

    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies.
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
