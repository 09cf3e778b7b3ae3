package dev.aiinfra.cli.pss;

import picocli.CommandLine.Command;

/** {@code ai-infra pss}. */
@Command(name = "pss", mixinStandardHelpOptions = true, description = "Pod Security Standards (baseline, restricted) checks.",
    subcommands = {PssCheckCommand.class})
public final class PssCommand {}
