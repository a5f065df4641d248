package io.shoudan.sandbox.http.wechat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API key (商户API密钥, 32 characters) of each sandbox WeChat Pay merchant, one file per merchant:
 * {@code <dir>/<mch_id>.api_key}, the key on one line. Created the first time a merchant needs one
 * (registration through the admin API, or its first call), kept across restarts. A developer may
 * write their own key into the file before the first call.
 */
public final class WechatApiKeys {

    private static final Pattern MCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int KEY_LENGTH = 32;

    private final Path directory;
    private final SecureRandom random = new SecureRandom();

    public WechatApiKeys(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public Path directory() {
        return directory;
    }

    /** Where the merchant's key is (or will be) kept; empty for an mch_id that cannot name a file. */
    public Optional<Path> fileOf(String mchId) {
        if (mchId == null || !MCH_ID.matcher(mchId).matches()) {
            return Optional.empty();
        }
        return Optional.of(directory.resolve(mchId + ".api_key"));
    }

    /** The merchant's key, created and written now if it has none yet. */
    public synchronized Optional<String> obtain(String mchId) {
        Optional<Path> file = fileOf(mchId);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (Files.exists(file.get())) {
                String key = Files.readString(file.get(), StandardCharsets.UTF_8).strip();
                return key.isEmpty() ? Optional.empty() : Optional.of(key);
            }
            Files.createDirectories(directory);
            StringBuilder key = new StringBuilder(KEY_LENGTH);
            for (int i = 0; i < KEY_LENGTH; i++) {
                key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            Files.writeString(file.get(), key + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file.get(), PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's ACL applies.
            }
            return Optional.of(key.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the WeChat API key of " + mchId, e);
        }
    }
}
