package io.shoudan.store.terminal8583;

import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.key.KeyCheckValue;
import io.shoudan.iso8583.key.KeyIntegrityException;
import io.shoudan.iso8583.key.MasterKeyCipher;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.schema.tables.records.MasterKeyCheckRecord;
import io.shoudan.terminal.TerminalSn;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import static io.shoudan.store.database.schema.Tables.MASTER_KEY_CHECK;
import static io.shoudan.store.database.schema.Tables.TERMINAL_KEYS;

/**
 * Which master key seals this store's keys and card data, so that a node given another one refuses at start instead
 * of failing on the first terminal's keys. The first start records a probe (a random key sealed under the master key)
 * and the master key's check value; every later start, on any node, must open the probe.
 *
 * <p>A store sealed before the probe existed (V10) is checked against one of its sealed TMKs before the probe is
 * recorded. Two nodes starting together on a fresh store: the first insert wins and the other is checked against it.
 */
public final class MasterKeyCheckRepository {

    /** The identity the probe is sealed to (its associated data). */
    static final String PROBE_ID = "store:master-key-check";
    private static final short ROW = 1;

    /** What a master key makes of this store. */
    public sealed interface Verdict {
        /** The store had nothing sealed and now records this key. */
        record Recorded(KeyCheckValue checkValue) implements Verdict {
        }

        /** The key opens what the store sealed. */
        record Opens(KeyCheckValue checkValue) implements Verdict {
        }

        /**
         * The key does not open what the store sealed.
         *
         * @param sealedUnder the check value of the key that sealed it; empty for a store sealed before V10
         */
        record DoesNotOpen(KeyCheckValue given, Optional<KeyCheckValue> sealedUnder) implements Verdict {
            public DoesNotOpen {
                Objects.requireNonNull(given, "given");
                Objects.requireNonNull(sealedUnder, "sealedUnder");
            }
        }
    }

    private final Database database;
    private final Clock clock;
    private final SecureRandom random;

    public MasterKeyCheckRepository(Database database, Clock clock, SecureRandom random) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The check value of the master key the store is sealed under; empty before any start recorded one. */
    public Optional<KeyCheckValue> recorded() {
        return row().map(r -> KeyCheckValue.ofHex(r.getCheckValue()));
    }

    /** Checks {@code cipher}'s master key against the store, recording it when the store has none yet. */
    public Verdict verify(MasterKeyCipher cipher) {
        Optional<MasterKeyCheckRecord> existing = row();
        if (existing.isPresent()) {
            return check(cipher, existing.get());
        }
        if (!opensAnySealedTmk(cipher)) {
            return new Verdict.DoesNotOpen(cipher.checkValue(), Optional.empty());
        }
        byte[] probe = new byte[16];
        random.nextBytes(probe);
        String sealed = Base64.getEncoder().encodeToString(cipher.seal(DesKey.of(probe), PROBE_ID));
        Arrays.fill(probe, (byte) 0);
        int inserted = database.dsl().insertInto(MASTER_KEY_CHECK)
                .set(MASTER_KEY_CHECK.ID, ROW)
                .set(MASTER_KEY_CHECK.CHECK_VALUE, cipher.checkValue().toString())
                .set(MASTER_KEY_CHECK.SEALED_PROBE, sealed)
                .set(MASTER_KEY_CHECK.CREATED_AT, StoreTime.now(clock))
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            return new Verdict.Recorded(cipher.checkValue());
        }
        // another node recorded its key first: this one must open it
        return check(cipher, row().orElseThrow(() -> new IllegalStateException("master_key_check: row vanished after a conflict")));
    }

    private static Verdict check(MasterKeyCipher cipher, MasterKeyCheckRecord row) {
        try {
            cipher.open(Base64.getDecoder().decode(row.getSealedProbe()), PROBE_ID);
            return new Verdict.Opens(cipher.checkValue());
        } catch (KeyIntegrityException notThisKey) {
            return new Verdict.DoesNotOpen(cipher.checkValue(), Optional.of(KeyCheckValue.ofHex(row.getCheckValue())));
        }
    }

    /** True when the store has no sealed TMK or the key opens one of them (a store sealed before V10). */
    private boolean opensAnySealedTmk(MasterKeyCipher cipher) {
        return database.dsl().select(TERMINAL_KEYS.TERMINAL_SN, TERMINAL_KEYS.TMK_SEALED).from(TERMINAL_KEYS)
                .orderBy(TERMINAL_KEYS.TERMINAL_SN).limit(1).fetchOptional()
                .map(r -> {
                    try {
                        cipher.open(Base64.getDecoder().decode(r.value2()),
                                TerminalKeyRepository.keyId(new TerminalSn(r.value1()), "TMK"));
                        return true;
                    } catch (KeyIntegrityException notThisKey) {
                        return false;
                    }
                })
                .orElse(true);
    }

    private Optional<MasterKeyCheckRecord> row() {
        return database.dsl().selectFrom(MASTER_KEY_CHECK).where(MASTER_KEY_CHECK.ID.eq(ROW)).fetchOptional();
    }
}
