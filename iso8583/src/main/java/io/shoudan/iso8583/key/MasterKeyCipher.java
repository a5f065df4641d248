package io.shoudan.iso8583.key;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Keeps keys encrypted at rest (TMKs, working keys in the store) under a master key from configuration, with
 * AES-256-GCM. Each sealed key is bound to its identity (for example {@code terminal:12345678:TMK}) as
 * associated data, so a sealed blob copied onto another terminal's row does not open.
 *
 * <p>Blob layout: version (1 byte, 1) + algorithm (1 byte: 1 DES/3DES, 2 SM4) + IV (12 bytes) + ciphertext and
 * 16-byte tag.
 */
public final class MasterKeyCipher {

    private static final int VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec masterKey;
    private final SecureRandom random;

    /**
     * @param masterKey 32 bytes (AES-256) from configuration; the array is copied, the caller should wipe it
     * @param random    source of IVs
     */
    public MasterKeyCipher(byte[] masterKey, SecureRandom random) {
        Objects.requireNonNull(masterKey, "masterKey");
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes (AES-256), was " + masterKey.length);
        }
        this.masterKey = new SecretKeySpec(masterKey.clone(), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The master key's check value: the first 4 bytes of a block of zeros encrypted under it (AES-ECB), as for the
     * terminal keys. Identifies which master key sealed a store without revealing it; safe to print.
     */
    public KeyCheckValue checkValue() {
        try {
            Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, masterKey);
            return new KeyCheckValue(Arrays.copyOf(c.doFinal(new byte[16]), 4));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable: " + e.getClass().getSimpleName());
        }
    }

    /** Encrypts {@code key} for storage under identity {@code keyId}. */
    public byte[] seal(SymmetricKey key, String keyId) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] clear = key.bytes();
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, iv));
            byte algorithm = (byte) (key instanceof Sm4Key ? 2 : 1);
            c.updateAAD(aad(algorithm, keyId));
            byte[] sealed = c.doFinal(clear);
            byte[] blob = new byte[2 + IV_BYTES + sealed.length];
            blob[0] = VERSION;
            blob[1] = algorithm;
            System.arraycopy(iv, 0, blob, 2, IV_BYTES);
            System.arraycopy(sealed, 0, blob, 2 + IV_BYTES, sealed.length);
            return blob;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /**
     * Decrypts a sealed key.
     *
     * @throws KeyIntegrityException when the blob was altered, belongs to another identity or another master key
     */
    public SymmetricKey open(byte[] blob, String keyId) {
        if (blob.length < 2 + IV_BYTES + TAG_BITS / 8 + 8 || blob[0] != VERSION || (blob[1] != 1 && blob[1] != 2)) {
            throw new KeyIntegrityException("sealed key for " + keyId + " is malformed");
        }
        byte[] clear = null;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, blob, 2, IV_BYTES));
            c.updateAAD(aad(blob[1], keyId));
            clear = c.doFinal(blob, 2 + IV_BYTES, blob.length - 2 - IV_BYTES);
            return blob[1] == 2 ? Sm4Key.of(clear) : DesKey.of(clear);
        } catch (AEADBadTagException e) {
            throw new KeyIntegrityException("sealed key for " + keyId + " failed authentication (altered, moved or another master key)");
        } catch (IllegalArgumentException e) {
            throw new KeyIntegrityException("sealed key for " + keyId + " has an impossible key length");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable: " + e.getClass().getSimpleName());
        } finally {
            if (clear != null) {
                Arrays.fill(clear, (byte) 0);
            }
        }
    }

    private static byte[] aad(byte algorithm, String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        byte[] aad = new byte[id.length + 1];
        aad[0] = algorithm;
        System.arraycopy(id, 0, aad, 1, id.length);
        return aad;
    }

    @Override
    public String toString() {
        return "MasterKeyCipher[AES-256-GCM, KCV " + checkValue() + "]";
    }
}
