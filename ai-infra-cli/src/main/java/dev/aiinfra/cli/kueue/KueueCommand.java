package dev.aiinfra.cli.kueue;

import dev.aiinfra.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ai-infra kueue}. */
@Command(name = "kueue", description = "Kueue: the queues, flavors and topology a cluster needs.",
    subcommands = {KueueRecipeCommand.class})
public final class KueueCommand {
  @Mixin HelpOption help;
}
