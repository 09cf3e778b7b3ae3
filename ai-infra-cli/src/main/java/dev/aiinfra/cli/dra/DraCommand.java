package dev.aiinfra.cli.dra;

import picocli.CommandLine.Command;

/** {@code ai-infra dra}. */
@Command(name = "dra", mixinStandardHelpOptions = true, description = "Dynamic Resource Allocation: can these claims be allocated, and with which devices?",
    subcommands = {DraAllocateCommand.class})
public final class DraCommand {}
