package io.shoudan.server.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The master key that seals terminal keys and card data at rest (AES-256, 32 bytes).
 *
 * <p>Production: {@code SHOUDAN_MASTER_KEY} = 64 hex digits (from the deployment's secret store). Without it — the
 * embedded default — a key is generated once and written to {@code <data>/keys/master.key} (hex, owner-only
 * permissions where the file system has them) and read from there on every later start. Losing that file makes
 * the stored TMKs, working keys and card data unreadable: back it up with the database, but never in the same
 * place. The key itself is never printed or logged.
 */
public final class MasterKeySource {

    public static final String ENVIRONMENT_VARIABLE = "SHOUDAN_MASTER_KEY";

    /** Where the key came from, for the start-up banner (never the key). */
    public record Resolved(byte[] key, String origin) {
        @Override
        public String toString() {
            return "MasterKey[" + origin + "]";
        }
    }

    private MasterKeySource() {
    }

    public static Resolved resolve(Map<String, String> environment, Path dataDir, SecureRandom random) {
        String configured = environment.get(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new Resolved(parse(configured.trim(), ENVIRONMENT_VARIABLE), "environment " + ENVIRONMENT_VARIABLE);
        }
        Path file = dataDir.resolve("keys").resolve("master.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                random.nextBytes(key);
                try {
                    Files.writeString(file, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII,
                            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                    restrict(file);
                    return new Resolved(key, "generated " + file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    // another process wrote it first: read theirs below
                }
            }
            return new Resolved(parse(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString()), "file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    private static byte[] parse(String hex, String origin) {
        byte[] key;
        try {
            key = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key in " + origin + " is not hex");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("the master key in " + origin + " must be 32 bytes (64 hex digits), was " + key.length);
        }
        return key;
    }

    private static void restrict(Path file) throws IOException {
        Optional.ofNullable(Files.getFileStore(file).supportsFileAttributeView("posix") ? file : null)
                .ifPresent(f -> {
                    try {
                        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
