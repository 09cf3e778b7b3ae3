package dev.aiinfra.cli.pss;

import dev.aiinfra.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ai-infra pss}. */
@Command(name = "pss", description = "Pod Security Standards (baseline, restricted) checks.",
    subcommands = {PssCheckCommand.class})
public final class PssCommand {
  @Mixin HelpOption help;
}
