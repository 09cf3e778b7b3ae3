package dev.aiinfra.cli.cgroup;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.ProfileOptions;
import dev.aiinfra.cli.UsageException;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.sandbox.model.cgroup.CgroupSettings;
import dev.aiinfra.core.model.profile.MemoryReservationPolicy;
import dev.aiinfra.sandbox.policy.cgroup.ContainerCgroup;
import dev.aiinfra.sandbox.policy.cgroup.PodCgroup;
import dev.aiinfra.sandbox.policy.cgroup.PodCgroups;
import dev.aiinfra.sandbox.read.CgroupPodReader;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ai-infra cgroup pod}: the cgroup v2 files the kubelet and runtime write for one Pod. */
@Command(name = "pod", description = "The cgroup v2 values of a Pod's pod and container cgroups.")
public final class CgroupPodCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;

  @Option(names = "--runtime", defaultValue = "runc:1.3.2", paramLabel = "NAME:VERSION", description = "Container runtime and version, which choose the shares → cpu.weight mapping: runc:1.3.2, runc:1.2.6, crun:1.23, …. Default: ${DEFAULT-VALUE}.")
  String runtime;

  @Mixin ProfileOptions profile;

  @Option(names = "--memory-qos",
      description = "Turn the MemoryQoS feature gate on (same as --feature-gates MemoryQoS=true). Default: the release default of --kubernetes-version (on from 1.37).")
  Boolean memoryQos;

  @Option(names = "--memory-throttling-factor", paramLabel = "F",
      description = "Memory QoS throttling factor for memory.high. Default: the kubelet's for --kubernetes-version (0.9 before 1.37, unset from 1.37).")
  Double throttlingFactor;

  @Option(names = "--memory-reservation-policy", defaultValue = "None", paramLabel = "P", description = "None or TieredReservation (1.36+). Default: ${DEFAULT-VALUE}.")
  String reservationPolicy;

  @Option(names = "--node-allocatable", paramLabel = "cpu=Q,memory=Q",
      description = "The node's allocatable resources; memory caps memory.high of containers without a memory limit. Default: unknown (no cap).")
  String nodeAllocatable;

  @Option(names = "--page-size", defaultValue = "4096", paramLabel = "BYTES", description = "The node's memory page size; memory values are rounded down to it. Default: ${DEFAULT-VALUE}.")
  long pageSize;

  @Option(names = "--pod-pids-limit", defaultValue = "-1", paramLabel = "N", description = "The kubelet's podPidsLimit (pids.max); -1 is unlimited. Default: ${DEFAULT-VALUE}.")
  long podPidsLimit;

  @Option(names = "--single-process-oom-kill",
      description = "The kubelet's singleProcessOOMKill: memory.oom.group is not set. Default: off.")
  boolean singleProcessOomKill;

  @Option(names = "--cpu-cfs-quota", defaultValue = "true", arity = "0..1", paramLabel = "BOOL",
      description = "The kubelet's cpuCFSQuota: write cpu.max for CPU limits. Default: ${DEFAULT-VALUE}.")
  boolean cpuCfsQuota;

  @Option(names = "--cpu-cfs-quota-period", defaultValue = "100ms", paramLabel = "DURATION", description = "The kubelet's cpuCFSQuotaPeriod, a Go duration (us, ms, s). Default: ${DEFAULT-VALUE}.")
  String cfsPeriod;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    List<String> problems = new ArrayList<>();
    CgroupSettings.Builder b = CgroupSettings.builder().runtime(runtime).pageSize(pageSize).podPidsLimit(podPidsLimit)
        .singleProcessOomKill(singleProcessOomKill).cpuCfsQuota(cpuCfsQuota);
    OptionalInt minor = CgroupFlags.minor(profile.kubernetesVersion(), problems);
    minor.ifPresent(b::kubernetesMinor);
    Optional<Boolean> qos = memoryQos != null ? Optional.of(memoryQos)
        : minor.isPresent() ? profile.featureGate(FeatureGate.MemoryQoS, minor.getAsInt()) : Optional.empty();
    qos.ifPresent(b::memoryQos);
    if (throttlingFactor != null) {
      b.memoryThrottlingFactor(throttlingFactor);
    }
    try {
      b.memoryReservationPolicy(MemoryReservationPolicy.valueOf(reservationPolicy));
    } catch (IllegalArgumentException e) {
      problems.add("--memory-reservation-policy must be None or TieredReservation");
    }
    Long period = periodMicros(cfsPeriod, problems);
    if (period != null) {
      b.cpuCfsQuotaPeriodMicros(period);
    }
    if (nodeAllocatable != null) {
      Quantity memory = CgroupFlags.allocatable(nodeAllocatable, problems).get("memory");
      if (memory != null) {
        b.nodeAllocatableMemory(memory.longValue());
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("\n  ", problems));
    }
    CgroupSettings settings = b.build();
    List<SourcedObject> objects = input.read();
    List<SourcedObject> pods = CgroupPodReader.podsIn(objects);
    if (pods.size() != 1) {
      throw new UsageException("give exactly one Pod (found " + pods.size() + ")");
    }
    PodCgroup p = PodCgroups.compute(CgroupPodReader.read(pods.get(0)), settings);
    output.print(spec.commandLine().getOut(), CgroupPodJson.of(p), out -> text(out, p));
    return ExitCodes.OK;
  }

  private static Long periodMicros(String text, List<String> problems) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(us|µs|ms|s)").matcher(text);
    if (!m.matches()) {
      problems.add("--cpu-cfs-quota-period " + text + " is not a duration like 100ms");
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n).toNanos() / 1000;
      case "ms" -> n * 1000;
      default -> n;
    };
  }

  /**
   * The QoS class, then one row per cgroup (the pod's, then each container's in the pod's order),
   * the files in the order the kubelet writes them; "-" is a file not written (or not one of that cgroup's).
   */
  private static void text(PrintWriter out, PodCgroup p) {
    out.println("QoS class: " + p.qos().name());
    TextTable table = new TextTable("CGROUP", "CPU.SHARES", "CPU.WEIGHT", "CPU.MAX", "MEMORY.MAX", "MEMORY.MIN", "MEMORY.LOW", "MEMORY.HIGH",
        "MEMORY.OOM.GROUP", "PIDS.MAX");
    table.row("pod", p.podCpuShares(), p.podCpuWeight(), cell(p.podCpuMax()), cell(p.podMemoryMax()), "-", "-", "-", "-", p.podPidsMax());
    for (ContainerCgroup c : p.containers()) {
      table.row((c.initContainer() ? "init container " : "container ") + c.name(), c.cpuShares(), c.cpuWeight(), cell(c.cpuMax()), c.memoryMax(),
          cell(c.memoryMin()), cell(c.memoryLow()), cell(c.memoryHigh()), cell(c.memoryOomGroup()), "-");
    }
    table.print(out);
  }

  private static String cell(Optional<?> value) {
    return value.map(String::valueOf).orElse("-");
  }
}
