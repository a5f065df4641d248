package io.shoudan.store.terminal;

import io.shoudan.terminal.Capability;
import io.shoudan.terminal.TerminalModel;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** A terminal model and the hardware every terminal of that model has. */
public record TerminalModelSpec(TerminalModel model, Set<Capability> capabilities) {

    public TerminalModelSpec {
        if (model == null) {
            throw new IllegalArgumentException("a terminal model spec needs the model");
        }
        capabilities = Collections.unmodifiableSet(capabilities == null || capabilities.isEmpty()
                ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities));
    }
}
