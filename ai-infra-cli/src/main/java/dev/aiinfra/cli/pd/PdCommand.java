package dev.aiinfra.cli.pd;

import dev.aiinfra.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ai-infra pd}. */
@Command(name = "pd",
    description = "Prefill/decode planning: aggregated or disaggregated serving for a model, GPUs and latency SLAs.",
    subcommands = {PdPlanCommand.class})
public final class PdCommand {
  @Mixin HelpOption help;
}
