package dev.aiinfra.cli.gang;

import dev.aiinfra.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ai-infra gang}. */
@Command(name = "gang", description = "Gang scheduling: will these gangs fit, and where?",
    subcommands = {GangPlaceCommand.class})
public final class GangCommand {
  @Mixin HelpOption help;
}
