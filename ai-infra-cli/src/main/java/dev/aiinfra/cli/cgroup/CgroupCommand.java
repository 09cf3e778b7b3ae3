package dev.aiinfra.cli.cgroup;

import picocli.CommandLine.Command;

/** {@code ai-infra cgroup}. */
@Command(name = "cgroup", mixinStandardHelpOptions = true, description = "cgroup v2 values the kubelet and the container runtime write.",
    subcommands = {CgroupPodCommand.class, CgroupQosCommand.class, CgroupConvertCommand.class, CgroupNodeCommand.class})
public final class CgroupCommand {}
