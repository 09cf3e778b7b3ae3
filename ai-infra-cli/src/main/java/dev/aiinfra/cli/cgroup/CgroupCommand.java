package dev.aiinfra.cli.cgroup;

import dev.aiinfra.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ai-infra cgroup}. */
@Command(name = "cgroup", description = "cgroup v2 values the kubelet and the container runtime write.",
    subcommands = {CgroupPodCommand.class, CgroupQosCommand.class, CgroupConvertCommand.class, CgroupNodeCommand.class})
public final class CgroupCommand {
  @Mixin HelpOption help;
}
