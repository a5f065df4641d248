package io.shoudan.server.terminal8583.store;

import io.shoudan.server.terminal8583.TerminalKeys;
import io.shoudan.store.terminal.TerminalRepository;
import io.shoudan.store.terminal8583.TerminalKeyRepository;
import io.shoudan.terminal.TerminalSn;

import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@link TerminalKeys} over the store's {@code terminal_keys} table (keys sealed under the master key). A sign-on
 * or sign-off is also recorded on the terminal's registry row ({@code terminals.signed_on}, {@code keys_expire_at}),
 * which the eligibility snapshot reads, so the gate and the endpoint agree on whether the terminal is signed on.
 */
public final class StoreTerminalKeys implements TerminalKeys {
    private final TerminalKeyRepository keys;
    private final TerminalRepository terminals;

    public StoreTerminalKeys(TerminalKeyRepository keys, TerminalRepository terminals) {
        this.keys = keys;
        this.terminals = terminals;
    }

    @Override
    public Optional<MasterKey> masterKey(TerminalSn terminal) {
        return keys.masterKey(terminal).map(k -> new MasterKey(k.tmk(), k.scheme(), k.mac()));
    }

    @Override
    public Optional<Session> session(TerminalSn terminal) {
        return keys.session(terminal).map(s -> new Session(s.keys(), s.issuedAt(), s.expiresAt()));
    }

    @Override
    public void signedOn(TerminalSn terminal, Session session) {
        keys.replaceSession(terminal, session.keys(), session.issuedAt(), session.expiresAt());
        terminals.recordSignOn(terminal, session.issuedAt().atOffset(ZoneOffset.UTC), session.expiresAt().atOffset(ZoneOffset.UTC));
    }

    @Override
    public void signedOff(TerminalSn terminal) {
        keys.clearSession(terminal);
        terminals.recordSignOff(terminal);
    }
}
