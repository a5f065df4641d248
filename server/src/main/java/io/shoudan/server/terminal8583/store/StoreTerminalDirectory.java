package io.shoudan.server.terminal8583.store;

import io.shoudan.server.terminal8583.AcceptorId;
import io.shoudan.server.terminal8583.TerminalBinding;
import io.shoudan.server.terminal8583.TerminalDirectory;
import io.shoudan.store.terminal8583.PosIdentity;
import io.shoudan.store.terminal8583.TerminalDirectoryRepository;
import io.shoudan.terminal.TerminalId;

import java.util.Optional;

/** {@link TerminalDirectory} over the store's {@code terminal_directory} table. */
public final class StoreTerminalDirectory implements TerminalDirectory {
    private final TerminalDirectoryRepository repository;

    public StoreTerminalDirectory(TerminalDirectoryRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<TerminalBinding> resolve(TerminalId terminalId, AcceptorId acceptorId) {
        PosIdentity pos;
        try {
            pos = new PosIdentity(terminalId.value(), acceptorId.value());
        } catch (IllegalArgumentException notAPosIdentity) {
            return Optional.empty();
        }
        return repository.resolve(pos).map(b -> new TerminalBinding(b.terminal(), b.merchant()));
    }
}
