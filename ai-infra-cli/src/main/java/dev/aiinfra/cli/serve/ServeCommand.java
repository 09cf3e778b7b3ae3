package dev.aiinfra.cli.serve;

import picocli.CommandLine.Command;

/** {@code ai-infra serve}. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "LLM serving deployments: dual LeaderWorkerSets, DisaggregatedSet or llmaz.",
    subcommands = {ServeRenderCommand.class})
public final class ServeCommand {}
