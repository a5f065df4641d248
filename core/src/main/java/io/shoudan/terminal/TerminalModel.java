package io.shoudan.terminal;

/** A terminal model name as certified by the channels, e.g. {@code A8}. */
public record TerminalModel(String name) {

    public TerminalModel {
        if (name == null || name.isBlank() || name.length() > 40) {
            throw new IllegalArgumentException("\"" + name + "\" is not a terminal model name (1-40 characters)");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
