package dev.aiinfra.cli.dra;

import dev.aiinfra.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ai-infra dra}. */
@Command(name = "dra", description = "Dynamic Resource Allocation: can these claims be allocated, and with which devices?",
    subcommands = {DraAllocateCommand.class})
public final class DraCommand {
  @Mixin HelpOption help;
}
