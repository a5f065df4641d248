package io.shoudan.server.terminal8583.memory;

import io.shoudan.server.terminal8583.AcceptorId;
import io.shoudan.server.terminal8583.TerminalBinding;
import io.shoudan.server.terminal8583.TerminalDirectory;
import io.shoudan.terminal.TerminalId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TerminalDirectory} in memory, for tests, the demo and the load generator. */
public final class InMemoryTerminalDirectory implements TerminalDirectory {
    private record Key(TerminalId terminal, AcceptorId acceptor) {
    }

    private final Map<Key, TerminalBinding> bindings = new ConcurrentHashMap<>();

    public InMemoryTerminalDirectory bind(TerminalId terminalId, AcceptorId acceptorId, TerminalBinding binding) {
        bindings.put(new Key(terminalId, acceptorId), binding);
        return this;
    }

    @Override
    public Optional<TerminalBinding> resolve(TerminalId terminalId, AcceptorId acceptorId) {
        return Optional.ofNullable(bindings.get(new Key(terminalId, acceptorId)));
    }
}
