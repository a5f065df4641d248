package io.shoudan.server.terminal8583;

import io.shoudan.terminal.TerminalId;
import java.util.Optional;

/**
 * Port: maps what a POS says it is (field 41 terminal id, field 42 merchant id) to the terminal and merchant in
 * Shoudan. Empty when the pair is unknown or the terminal id belongs to another merchant id — the endpoint then
 * answers {@code 03} with {@code TERMINAL.UNBOUND}.
 *
 * <p>The store provides it from the terminal registry (a unique key on (field 41, field 42)).
 */
public interface TerminalDirectory {
    Optional<TerminalBinding> resolve(TerminalId terminalId, AcceptorId acceptorId);
}
