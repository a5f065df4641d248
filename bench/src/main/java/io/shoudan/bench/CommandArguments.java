package io.shoudan.bench;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The bench commands' argument checks: a bad value is refused with the parameter's name and why. */
final class CommandArguments {

    private CommandArguments() {
    }

    static void require(CommandSpec spec, boolean holds, String parameter, String problem) {
        if (!holds) {
            throw new ParameterException(spec.commandLine(), parameter + ": " + problem);
        }
    }
}
