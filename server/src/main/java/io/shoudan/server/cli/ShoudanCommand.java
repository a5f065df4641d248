package io.shoudan.server.cli;

import picocli.CommandLine.Command;

/** The {@code shoudan} command; its subcommands are wired in {@link io.shoudan.server.Main}. */
@Command(name = "shoudan", mixinStandardHelpOptions = true, version = "shoudan 0.1.0",
        description = {"Shoudan (收单): an open acquiring platform for POS terminals.",
                "收单：面向 POS 终端的开放收单平台。"})
public final class ShoudanCommand {
}
