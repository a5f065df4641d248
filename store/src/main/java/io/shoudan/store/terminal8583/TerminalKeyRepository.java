package io.shoudan.store.terminal8583;

import io.shoudan.iso8583.key.KeyScheme;
import io.shoudan.iso8583.key.MasterKeyCipher;
import io.shoudan.iso8583.key.SymmetricKey;
import io.shoudan.iso8583.key.WorkingKeys;
import io.shoudan.iso8583.mac.MacAlgorithm;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.schema.tables.records.TerminalKeysRecord;
import io.shoudan.terminal.TerminalSn;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import static io.shoudan.store.database.schema.Tables.TERMINAL_KEYS;

/**
 * A terminal's keys at rest: the TMK with its key scheme and MAC algorithm, and the working keys (PIK, MAK) of its
 * last sign-on with their issue and expiry times. Every key is sealed with {@link MasterKeyCipher} under the
 * configured master key and bound to its identity ({@code terminal:<sn>:TMK|PIK|MAK}), so a blob copied onto
 * another row does not open. Clear keys exist only in the caller's memory; nothing here logs a key.
 *
 * <p>A sign-on is a single-row UPDATE: the new PIK and MAK replace the old ones atomically, and every node reading
 * the row afterwards sees the new session.
 */
public final class TerminalKeyRepository {

    private final Database database;
    private final MasterKeyCipher cipher;
    private final Clock clock;

    public TerminalKeyRepository(Database database, MasterKeyCipher cipher, Clock clock) {
        this.database = database;
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = clock;
    }

    /** The TMK, in memory only, with the terminal's key scheme and MAC algorithm. */
    public record LoadedMasterKey(SymmetricKey tmk, KeyScheme scheme, MacAlgorithm mac) {
        public LoadedMasterKey {
            Objects.requireNonNull(tmk, "tmk");
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(mac, "mac");
        }
    }

    /** Working keys of a sign-on, in memory only. */
    public record StoredSession(WorkingKeys keys, Instant issuedAt, Instant expiresAt) {
        public StoredSession {
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** Key injection: stores (or replaces) the terminal's TMK; any session of the old TMK is dropped. */
    public void loadMasterKey(TerminalSn terminal, SymmetricKey tmk, KeyScheme scheme, MacAlgorithm mac) {
        String sealed = seal(tmk, terminal, "TMK");
        OffsetDateTime now = StoreTime.now(clock);
        database.inTransactionDo(dsl -> {
            int updated = dsl.update(TERMINAL_KEYS)
                    .set(TERMINAL_KEYS.KEY_SCHEME, scheme.name())
                    .set(TERMINAL_KEYS.MAC_ALGORITHM, mac.name())
                    .set(TERMINAL_KEYS.TMK_SEALED, sealed)
                    .setNull(TERMINAL_KEYS.PIK_SEALED)
                    .setNull(TERMINAL_KEYS.MAK_SEALED)
                    .setNull(TERMINAL_KEYS.SESSION_ISSUED_AT)
                    .setNull(TERMINAL_KEYS.SESSION_EXPIRES_AT)
                    .set(TERMINAL_KEYS.UPDATED_AT, now)
                    .where(TERMINAL_KEYS.TERMINAL_SN.eq(terminal.value()))
                    .execute();
            if (updated == 0) {
                dsl.insertInto(TERMINAL_KEYS)
                        .set(TERMINAL_KEYS.TERMINAL_SN, terminal.value())
                        .set(TERMINAL_KEYS.KEY_SCHEME, scheme.name())
                        .set(TERMINAL_KEYS.MAC_ALGORITHM, mac.name())
                        .set(TERMINAL_KEYS.TMK_SEALED, sealed)
                        .set(TERMINAL_KEYS.UPDATED_AT, now)
                        .execute();
            }
        });
    }

    public Optional<LoadedMasterKey> masterKey(TerminalSn terminal) {
        return row(terminal).map(r -> new LoadedMasterKey(open(r.getTmkSealed(), terminal, "TMK"),
                KeyScheme.valueOf(r.getKeyScheme()), MacAlgorithm.valueOf(r.getMacAlgorithm())));
    }

    /**
     * Records a sign-on: the new working keys replace the old ones in one statement.
     *
     * @throws IllegalStateException when the terminal has no TMK loaded (it could not have signed on)
     */
    public void replaceSession(TerminalSn terminal, WorkingKeys keys, Instant issuedAt, Instant expiresAt) {
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("working keys must expire after they are issued");
        }
        int updated = database.dsl().update(TERMINAL_KEYS)
                .set(TERMINAL_KEYS.PIK_SEALED, seal(keys.pik(), terminal, "PIK"))
                .set(TERMINAL_KEYS.MAK_SEALED, seal(keys.mak(), terminal, "MAK"))
                .set(TERMINAL_KEYS.SESSION_ISSUED_AT, StoreTime.toDatabase(issuedAt.atOffset(ZoneOffset.UTC)))
                .set(TERMINAL_KEYS.SESSION_EXPIRES_AT, StoreTime.toDatabase(expiresAt.atOffset(ZoneOffset.UTC)))
                .set(TERMINAL_KEYS.UPDATED_AT, StoreTime.now(clock))
                .where(TERMINAL_KEYS.TERMINAL_SN.eq(terminal.value()), TERMINAL_KEYS.KEY_SCHEME.eq(keys.scheme().name()))
                .execute();
        if (updated == 0) {
            throw new IllegalStateException("terminal " + terminal.value() + " has no TMK of scheme " + keys.scheme()
                    + " loaded; working keys not stored");
        }
    }

    public Optional<StoredSession> session(TerminalSn terminal) {
        return row(terminal).filter(r -> r.getPikSealed() != null).map(r -> new StoredSession(
                new WorkingKeys(KeyScheme.valueOf(r.getKeyScheme()), open(r.getPikSealed(), terminal, "PIK"),
                        open(r.getMakSealed(), terminal, "MAK")),
                StoreTime.fromDatabase(r.getSessionIssuedAt()).toInstant(),
                StoreTime.fromDatabase(r.getSessionExpiresAt()).toInstant()));
    }

    /** Sign-off: the working keys are forgotten; the TMK stays. */
    public void clearSession(TerminalSn terminal) {
        database.dsl().update(TERMINAL_KEYS)
                .setNull(TERMINAL_KEYS.PIK_SEALED)
                .setNull(TERMINAL_KEYS.MAK_SEALED)
                .setNull(TERMINAL_KEYS.SESSION_ISSUED_AT)
                .setNull(TERMINAL_KEYS.SESSION_EXPIRES_AT)
                .set(TERMINAL_KEYS.UPDATED_AT, StoreTime.now(clock))
                .where(TERMINAL_KEYS.TERMINAL_SN.eq(terminal.value()))
                .execute();
    }

    private Optional<TerminalKeysRecord> row(TerminalSn terminal) {
        return database.dsl().selectFrom(TERMINAL_KEYS).where(TERMINAL_KEYS.TERMINAL_SN.eq(terminal.value())).fetchOptional();
    }

    private String seal(SymmetricKey key, TerminalSn terminal, String role) {
        return Base64.getEncoder().encodeToString(cipher.seal(key, keyId(terminal, role)));
    }

    private SymmetricKey open(String sealed, TerminalSn terminal, String role) {
        return cipher.open(Base64.getDecoder().decode(sealed), keyId(terminal, role));
    }

    /** The identity a sealed key is bound to (the AAD of its blob). */
    static String keyId(TerminalSn terminal, String role) {
        return "terminal:" + terminal.value() + ":" + role;
    }
}
