package dev.aiinfra.cli.pd;

import picocli.CommandLine.Command;

/** {@code ai-infra pd}. */
@Command(name = "pd", mixinStandardHelpOptions = true,
    description = "Prefill/decode planning: aggregated or disaggregated serving for a model, GPUs and latency SLAs.",
    subcommands = {PdPlanCommand.class})
public final class PdCommand {}
