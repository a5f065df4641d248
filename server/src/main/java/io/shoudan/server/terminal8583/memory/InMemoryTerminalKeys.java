package io.shoudan.server.terminal8583.memory;

import io.shoudan.server.terminal8583.TerminalKeys;
import io.shoudan.terminal.TerminalSn;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TerminalKeys} in memory (clear keys in the heap only; the store seals them at rest). */
public final class InMemoryTerminalKeys implements TerminalKeys {
    private final Map<TerminalSn, MasterKey> masters = new ConcurrentHashMap<>();
    private final Map<TerminalSn, Session> sessions = new ConcurrentHashMap<>();

    /** Key injection at deployment: the terminal's TMK. */
    public InMemoryTerminalKeys load(TerminalSn terminal, MasterKey master) {
        masters.put(terminal, master);
        sessions.remove(terminal);
        return this;
    }

    @Override
    public Optional<MasterKey> masterKey(TerminalSn terminal) {
        return Optional.ofNullable(masters.get(terminal));
    }

    @Override
    public Optional<Session> session(TerminalSn terminal) {
        return Optional.ofNullable(sessions.get(terminal));
    }

    @Override
    public void signedOn(TerminalSn terminal, Session session) {
        sessions.put(terminal, session);
    }

    @Override
    public void signedOff(TerminalSn terminal) {
        sessions.remove(terminal);
    }
}
