package io.shoudan.server.terminal8583;

import io.shoudan.iso8583.key.KeyScheme;
import io.shoudan.iso8583.key.SymmetricKey;
import io.shoudan.iso8583.key.WorkingKeys;
import io.shoudan.iso8583.mac.MacAlgorithm;
import io.shoudan.terminal.TerminalSn;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: a terminal's keys and sign-on state.
 *
 * <p>What the store must provide: the TMK, key scheme and MAC algorithm per terminal (loaded at deployment), and
 * the working keys of the last sign-on with their issue and expiry times. Keys at rest are sealed with
 * {@link io.shoudan.iso8583.key.MasterKeyCipher} under the configured master key, each bound to its identity
 * ({@code terminal:<sn>:TMK}, {@code terminal:<sn>:PIK}, {@code terminal:<sn>:MAK}); this interface hands clear
 * keys only to the endpoint's memory. A sign-on replaces the session atomically (the old MAK stops verifying the
 * moment the new one is stored) and must be visible to every node that serves the terminal.
 */
public interface TerminalKeys {

    /** The terminal's master key and how it uses keys; empty when no TMK was ever loaded. */
    Optional<MasterKey> masterKey(TerminalSn terminal);

    /** The working keys of the last sign-on; empty before the first sign-on or after a sign-off. */
    Optional<Session> session(TerminalSn terminal);

    /** Records a sign-on: the new working keys replace the old ones. */
    void signedOn(TerminalSn terminal, Session session);

    /** Records a sign-off: the working keys are forgotten. */
    void signedOff(TerminalSn terminal);

    /** The TMK (clear, in memory only) and the terminal's configured key scheme and MAC algorithm. */
    record MasterKey(SymmetricKey tmk, KeyScheme scheme, MacAlgorithm mac) {
        public MasterKey {
            Objects.requireNonNull(tmk, "tmk");
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(mac, "mac");
        }
    }

    /** Working keys issued at {@code issuedAt}; refused from {@code expiresAt} on (SECURITY.KEY_EXPIRED). */
    record Session(WorkingKeys keys, Instant issuedAt, Instant expiresAt) {
        public Session {
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
            if (!expiresAt.isAfter(issuedAt)) {
                throw new IllegalArgumentException("working keys must expire after they are issued");
            }
        }

        public boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }
}
