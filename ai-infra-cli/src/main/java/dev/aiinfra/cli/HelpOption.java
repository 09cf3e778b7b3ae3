package dev.aiinfra.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h/--help} for every subcommand. {@code -V/--version} is on the root command only
 * ({@code ai-infra -V}, or {@code ai-infra version} for the supported Kubernetes versions): one
 * version per program, and no clash with a subcommand's own version flags.
 */
public final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;
}
