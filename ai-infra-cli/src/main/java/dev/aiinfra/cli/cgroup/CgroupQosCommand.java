package dev.aiinfra.cli.cgroup;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.UsageException;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.sandbox.policy.cgroup.CgroupPod;
import dev.aiinfra.sandbox.policy.cgroup.QosCgroups;
import dev.aiinfra.sandbox.read.CgroupPodReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ai-infra cgroup qos}: the kubepods, Burstable and BestEffort cgroups the kubelet writes for a set of pods. */
@Command(name = "qos", description = "Node-level QoS cgroups (kubepods, burstable, besteffort) for the given Pods.")
public final class CgroupQosCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;

  @Option(names = "--node-allocatable", required = true, paramLabel = "cpu=Q,memory=Q",
      description = "The node's allocatable resources; cpu sets the kubepods cgroup's shares. Required.")
  String nodeAllocatable;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    List<String> problems = new ArrayList<>();
    Quantity cpu = CgroupFlags.allocatable(nodeAllocatable, problems).get("cpu");
    if (problems.isEmpty() && cpu == null) {
      problems.add("--node-allocatable needs cpu=Q");
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("\n  ", problems));
    }
    List<CgroupPod> pods = CgroupPodReader.readPods(input.read());
    QosCgroups.Values v = QosCgroups.computePods(pods, cpu.milliValue());
    output.print(spec.commandLine().getOut(), CgroupQosJson.of(v), out -> new TextTable("CGROUP", "CPU.SHARES", "CPU.WEIGHT")
        .row("kubepods", v.kubepods().shares(), v.kubepods().weight())
        .row("kubepods/burstable", v.burstable().shares(), v.burstable().weight())
        .row("kubepods/besteffort", v.besteffort().shares(), v.besteffort().weight())
        .print(out));
    return ExitCodes.OK;
  }
}
