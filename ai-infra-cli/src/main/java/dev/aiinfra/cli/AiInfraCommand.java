package dev.aiinfra.cli;

import dev.aiinfra.cli.dns.DnsCommand;
import dev.aiinfra.cli.dra.DraCommand;
import dev.aiinfra.cli.pd.PdCommand;
import dev.aiinfra.cli.serve.ServeCommand;
import dev.aiinfra.cli.cgroup.CgroupCommand;
import dev.aiinfra.cli.pss.PssCommand;
import dev.aiinfra.cli.gang.GangCommand;
import dev.aiinfra.cli.kueue.KueueCommand;
import dev.aiinfra.cli.manifest.ApplyCommand;
import dev.aiinfra.cli.manifest.DemoCommand;
import dev.aiinfra.cli.manifest.RenderCommand;
import dev.aiinfra.cli.manifest.SnapshotCommand;
import dev.aiinfra.cli.manifest.ValidateCommand;
import dev.aiinfra.cli.manifest.VersionCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root command. Only it has {@code -V/--version}; subcommands have {@code -h/--help}
 * ({@link HelpOption}). Standard input reaches the commands through their input mixin
 * ({@link CommandFactory}), never through this class.
 */
@Command(
    name = "ai-infra",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Describe, check and apply AI workloads on Kubernetes.",
    subcommands = {
      VersionCommand.class,
      ValidateCommand.class,
      DnsCommand.class,
      GangCommand.class,
      KueueCommand.class,
      DraCommand.class,
      PdCommand.class,
      ServeCommand.class,
      CgroupCommand.class,
      PssCommand.class,
      RenderCommand.class,
      DemoCommand.class,
      ApplyCommand.class,
      SnapshotCommand.class,
      BatchCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 done/fits, 1 evaluated and negative, 2 invalid input or usage, 3 cluster or internal error."
    })
public final class AiInfraCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
