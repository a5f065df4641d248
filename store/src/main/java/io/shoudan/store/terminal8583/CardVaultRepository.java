package io.shoudan.store.terminal8583;

import io.shoudan.payment.RequestId;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import static io.shoudan.store.database.schema.Tables.CARD_VAULT;

/**
 * The card vault: card data of card sales, encrypted at rest with AES-256-GCM under the vault key (derived from the
 * master key by the caller), each row bound to its token as associated data. A card is found by an opaque token,
 * {@code card-} + HMAC-SHA256(vault key, request id, PAN), so the same card in the same request gives the same
 * token, another card another, and the token reveals nothing about the card.
 *
 * <p>Retention (PCI DSS: keep card data no longer than needed): {@link #purgeExpired()} deletes every card deposited
 * more than the retention ago; {@link #forgetPinBlock} drops a PIN block once the channel has translated it. The PIN
 * block is stored as the terminal sent it (encrypted under its PIK) and sealed again; it is never decrypted here.
 */
public final class CardVaultRepository {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Database database;
    private final Clock clock;
    private final SecretKeySpec sealKey;
    private final SecretKeySpec tokenKey;
    private final SecureRandom random;
    private final Duration retention;

    /**
     * @param vaultKey  32 bytes; two independent sub-keys (sealing, tokens) are derived from it
     * @param retention how long card data is kept after the deposit
     */
    public CardVaultRepository(Database database, Clock clock, byte[] vaultKey, SecureRandom random, Duration retention) {
        Objects.requireNonNull(vaultKey, "vaultKey");
        if (vaultKey.length != 32) {
            throw new IllegalArgumentException("the vault key must be 32 bytes, was " + vaultKey.length);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        this.database = database;
        this.clock = clock;
        this.sealKey = new SecretKeySpec(derive(vaultKey, "shoudan card vault: seal"), "AES");
        this.tokenKey = new SecretKeySpec(derive(vaultKey, "shoudan card vault: token"), "HmacSHA256");
        this.random = Objects.requireNonNull(random, "random");
        this.retention = retention;
    }

    /** Stores the card (the first deposit of a token wins) and returns its token. */
    public String deposit(RequestId request, StoredCard card) {
        String token = token(request, card.pan());
        byte[] pinBlock = card.pinBlock();
        database.dsl().insertInto(CARD_VAULT)
                .set(CARD_VAULT.CARD_TOKEN, token)
                .set(CARD_VAULT.REQUEST_ID, request.value())
                .set(CARD_VAULT.CARD_SEALED, Base64.getEncoder().encodeToString(seal(serialise(card), token + ":card")))
                .set(CARD_VAULT.PIN_BLOCK, pinBlock == null ? null : Base64.getEncoder().encodeToString(seal(pinBlock, token + ":pin")))
                .set(CARD_VAULT.PIK_CHECK_VALUE, card.pikCheckValueHex())
                .set(CARD_VAULT.DEPOSITED_AT, StoreTime.now(clock))
                .onConflictDoNothing()
                .execute();
        if (pinBlock != null) {
            Arrays.fill(pinBlock, (byte) 0);
        }
        return token;
    }

    /** What a card channel adapter reads back; empty when unknown or purged. */
    public Optional<StoredCard> find(String token) {
        return database.dsl().selectFrom(CARD_VAULT).where(CARD_VAULT.CARD_TOKEN.eq(token)).fetchOptional().map(r -> {
            StoredCard card = deserialise(open(Base64.getDecoder().decode(r.getCardSealed()), token + ":card"));
            byte[] pin = r.getPinBlock() == null ? null : open(Base64.getDecoder().decode(r.getPinBlock()), token + ":pin");
            return new StoredCard(card.pan(), card.track2(), card.expiry(), card.entryMode(), pin, r.getPikCheckValue());
        });
    }

    /** Drops the PIN block of a card (after the channel's HSM translated it); true when there was one. */
    public boolean forgetPinBlock(String token) {
        return database.dsl().update(CARD_VAULT).setNull(CARD_VAULT.PIN_BLOCK).setNull(CARD_VAULT.PIK_CHECK_VALUE)
                .where(CARD_VAULT.CARD_TOKEN.eq(token), CARD_VAULT.PIN_BLOCK.isNotNull()).execute() == 1;
    }

    /** Deletes every card deposited more than the retention ago; returns how many. */
    public int purgeExpired() {
        return database.dsl().deleteFrom(CARD_VAULT)
                .where(CARD_VAULT.DEPOSITED_AT.le(StoreTime.now(clock).minus(retention)))
                .execute();
    }

    public int count() {
        return database.dsl().fetchCount(CARD_VAULT);
    }

    private String token(RequestId request, String pan) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(tokenKey);
            mac.update(request.value().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            mac.update(pan.getBytes(StandardCharsets.US_ASCII));
            return "card-" + HexFormat.of().formatHex(mac.doFinal(), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable: " + e.getClass().getSimpleName());
        }
    }

    private byte[] seal(byte[] clear, String aad) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = c.doFinal(clear);
            byte[] blob = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, blob, 0, IV_BYTES);
            System.arraycopy(sealed, 0, blob, IV_BYTES, sealed.length);
            return blob;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    private byte[] open(byte[] blob, String aad) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, blob, 0, IV_BYTES));
            c.updateAAD(aad.getBytes(StandardCharsets.US_ASCII));
            return c.doFinal(blob, IV_BYTES, blob.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("card vault row failed authentication (altered, moved or another vault key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] serialise(StoredCard card) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(card.pan());
            writeNullable(out, card.track2());
            writeNullable(out, card.expiry());
            out.writeUTF(card.entryMode());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static StoredCard deserialise(byte[] clear) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(clear))) {
            return new StoredCard(in.readUTF(), readNullable(in), readNullable(in), in.readUTF(), null, null);
        } catch (IOException e) {
            throw new IllegalStateException("card vault row is malformed");
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static byte[] derive(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "CardVaultRepository[AES-256-GCM, retention " + retention + "]";
    }
}
