package dev.aiinfra.cli.serve;

import dev.aiinfra.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ai-infra serve}. */
@Command(name = "serve", description = "LLM serving deployments: dual LeaderWorkerSets, DisaggregatedSet or llmaz.",
    subcommands = {ServeRenderCommand.class})
public final class ServeCommand {
  @Mixin HelpOption help;
}
