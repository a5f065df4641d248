package io.shoudan.server.serve;

import io.shoudan.iso8583.key.KeyCheckValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The master key that seals terminal keys and card data at rest (AES-256, 32 bytes), and where it comes from.
 *
 * <p>In order: {@code --master-key-file PATH} (a file holding 64 hex digits, e.g. a secret mounted by the
 * deployment), then {@code SHOUDAN_MASTER_KEY} (64 hex digits), then — the embedded default of a single node — the key
 * generated once into {@code <data>/keys/master.key} (owner-only) and read from there. Every node over one store needs
 * the same key: give it to all of them with the option or the variable; a node's own generated key does not open
 * what another node sealed, and the store refuses it ({@code MasterKeyCheckRepository}). Losing the key makes the
 * stored TMKs, working keys and card data unreadable: back it up, but never next to the database. The key itself is
 * never printed or logged; at most its check value.
 */
public final class MasterKeySource {

    public static final String ENVIRONMENT_VARIABLE = "SHOUDAN_MASTER_KEY";
    public static final String FILE_OPTION = "--master-key-file";
    private static final String SETTINGS = FILE_OPTION + " or " + ENVIRONMENT_VARIABLE;
    private static final String SETTINGS_ZH = FILE_OPTION + " 或 " + ENVIRONMENT_VARIABLE;

    /**
     * The key and where it came from.
     *
     * @param origin  for the start-up banner, e.g. {@code environment SHOUDAN_MASTER_KEY} (never the key)
     * @param setting what an operator changes to give another key, named first in a refusal
     */
    public record Resolved(byte[] key, String origin, String setting) {
        @Override
        public String toString() {
            return "MasterKey[" + origin + "]";
        }
    }

    private MasterKeySource() {
    }

    /** The key to use: configured, or else generated for the embedded default ({@link #configured}, {@link #generate}). */
    public static Resolved resolve(Map<String, String> environment, Optional<Path> keyFile, Path dataDir, SecureRandom random) {
        return configured(environment, keyFile, dataDir).orElseGet(() -> generate(dataDir, random));
    }

    /**
     * The key given to this node: {@code --master-key-file}, else {@code SHOUDAN_MASTER_KEY}, else the one generated
     * earlier into {@code <data>/keys/master.key}; empty when none is, and one would have to be generated.
     *
     * @throws IllegalArgumentException naming the setting, when the key given is not 64 hex digits or its file cannot be read
     */
    public static Optional<Resolved> configured(Map<String, String> environment, Optional<Path> keyFile, Path dataDir) {
        if (keyFile.isPresent()) {
            Path file = keyFile.get();
            String setting = FILE_OPTION + " " + file;
            return Optional.of(new Resolved(parse(read(file, setting), setting), "file " + file.toAbsolutePath() + " (" + FILE_OPTION + ")",
                    setting));
        }
        String configured = environment.get(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(new Resolved(parse(configured.trim(), ENVIRONMENT_VARIABLE), "environment " + ENVIRONMENT_VARIABLE,
                    ENVIRONMENT_VARIABLE));
        }
        Path generated = generatedFile(dataDir);
        if (Files.exists(generated)) {
            String setting = generated.toAbsolutePath().toString();
            return Optional.of(new Resolved(parse(read(generated, setting), setting), "file " + generated.toAbsolutePath(), setting));
        }
        return Optional.empty();
    }

    /**
     * Generates the embedded default's key into {@code <data>/keys/master.key} (hex, owner-only from its creation), or
     * reads the one another process wrote there first.
     */
    public static Resolved generate(Path dataDir, SecureRandom random) {
        Path file = generatedFile(dataDir);
        String setting = file.toAbsolutePath().toString();
        byte[] key = new byte[32];
        random.nextBytes(key);
        try {
            OwnerOnlyFiles.createDirectories(file.getParent());
            OwnerOnlyFiles.create(file);
            Files.writeString(file, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
            return new Resolved(key, "generated " + file.toAbsolutePath(), setting);
        } catch (FileAlreadyExistsException raced) {
            Arrays.fill(key, (byte) 0);
            return new Resolved(parse(read(file, setting), setting), "file " + file.toAbsolutePath(), setting);
        } catch (IOException e) {
            throw new IllegalStateException(setting + ": cannot create the master key file (" + e.getClass().getSimpleName()
                    + ") / 无法创建主密钥文件");
        }
    }

    /**
     * The one line a node refuses to start with when its key does not open what the store sealed, naming the setting
     * that gave the key and the settings that give another.
     *
     * @param sealedUnder the check value of the key the store is sealed under; empty when not recorded
     */
    public static String doesNotOpenTheStore(Resolved given, KeyCheckValue givenCheckValue, Optional<KeyCheckValue> sealedUnder) {
        String store = sealedUnder.map(kcv -> "KCV " + kcv).orElse("another key");
        String storeZh = sealedUnder.map(kcv -> "校验值 " + kcv).orElse("另一主密钥");
        return given.setting() + ": this master key (KCV " + givenCheckValue + ") does not open the keys sealed in the store (sealed under "
                + store + "); give every node of the store the same master key with " + SETTINGS
                + " / 该主密钥（校验值 " + givenCheckValue + "）无法解开存储中已加密的密钥（加密所用：" + storeZh + "）；同一存储的所有节点须用 "
                + SETTINGS_ZH + " 配置同一主密钥";
    }

    /** The one line a node without a key refuses to start with when the store is already sealed under one. */
    public static String noneGivenForASealedStore(KeyCheckValue sealedUnder) {
        return SETTINGS + ": no master key given, and the store's keys are sealed under the key of KCV " + sealedUnder
                + "; give this node that key (a key generated for its --data would not open them) / 未配置主密钥，而存储中的密钥已用校验值 "
                + sealedUnder + " 的主密钥加密；请用 " + SETTINGS_ZH + " 为本节点配置该主密钥";
    }

    static Path generatedFile(Path dataDir) {
        return dataDir.resolve("keys").resolve("master.key");
    }

    private static String read(Path file, String setting) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new IllegalArgumentException(setting + ": cannot read the master key file (" + e.getClass().getSimpleName()
                    + ") / 无法读取主密钥文件");
        }
    }

    /** The error names the setting and the length, never the value. */
    private static byte[] parse(String hex, String setting) {
        byte[] key;
        try {
            key = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            key = null;
        }
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException(setting + ": the master key must be 64 hex digits (32 bytes), was "
                    + (key == null ? "not hex" : key.length + " bytes") + " / 主密钥须为 64 个十六进制数字（32 字节）");
        }
        return key;
    }
}
