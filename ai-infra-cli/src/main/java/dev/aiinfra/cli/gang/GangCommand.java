package dev.aiinfra.cli.gang;

import picocli.CommandLine.Command;

/** {@code ai-infra gang}. */
@Command(name = "gang", mixinStandardHelpOptions = true, description = "Gang scheduling: will these gangs fit, and where?",
    subcommands = {GangPlaceCommand.class})
public final class GangCommand {}
