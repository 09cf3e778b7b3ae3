package dev.aiinfra.cli.observe;

import dev.aiinfra.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ai-infra observe}. */
@Command(name = "observe", description = "Monitoring for the SDK's workloads: PodMonitors, GPU/gang/restart rules, serving SLOs, autoscalers.",
    subcommands = {ObserveRenderCommand.class})
public final class ObserveCommand {
  @Mixin HelpOption help;
}
