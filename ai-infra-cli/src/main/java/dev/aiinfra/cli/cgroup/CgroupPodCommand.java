package dev.aiinfra.cli.cgroup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.AiInfraCommand;
import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputFormat;
import dev.aiinfra.cli.UsageException;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.sandbox.model.cgroup.CgroupSettings;
import dev.aiinfra.sandbox.model.cgroup.MemoryReservationPolicy;
import dev.aiinfra.sandbox.policy.cgroup.ContainerCgroup;
import dev.aiinfra.sandbox.policy.cgroup.PodCgroup;
import dev.aiinfra.sandbox.policy.cgroup.PodCgroups;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ai-infra cgroup pod}: the cgroup v2 files the kubelet and runtime write for one Pod. */
@Command(name = "pod", mixinStandardHelpOptions = true, description = "The cgroup v2 values of a Pod's pod and container cgroups.")
public final class CgroupPodCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin InputOptions input;

  @Option(names = "--runtime", defaultValue = "runc:1.3.2", paramLabel = "NAME:VERSION", description = "runc:1.3.2, runc:1.2.6, crun:1.23, …")
  String runtime;

  @Option(names = "--kubernetes-version", defaultValue = "1.37", paramLabel = "V")
  String kubernetesVersion;

  @Option(names = "--memory-qos", description = "Turn the MemoryQoS feature gate on (default: on from 1.37).")
  Boolean memoryQos;

  @Option(names = "--memory-throttling-factor", paramLabel = "F")
  Double throttlingFactor;

  @Option(names = "--memory-reservation-policy", defaultValue = "None", paramLabel = "P", description = "None or TieredReservation (1.36+).")
  String reservationPolicy;

  @Option(names = "--node-allocatable", paramLabel = "cpu=Q,memory=Q")
  String nodeAllocatable;

  @Option(names = "--page-size", defaultValue = "4096", paramLabel = "BYTES")
  long pageSize;

  @Option(names = "--pod-pids-limit", defaultValue = "-1", paramLabel = "N")
  long podPidsLimit;

  @Option(names = "--single-process-oom-kill")
  boolean singleProcessOomKill;

  @Option(names = "--cpu-cfs-quota", defaultValue = "true", arity = "0..1", paramLabel = "BOOL")
  boolean cpuCfsQuota;

  @Option(names = "--cpu-cfs-quota-period", defaultValue = "100ms", paramLabel = "DURATION", description = "Go duration, e.g. 100ms.")
  String cfsPeriod;

  @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text, json or yaml.")
  OutputFormat output;

  @Override
  public Integer call() {
    AiInfraCommand root = (AiInfraCommand) spec.root().userObject();
    List<String> problems = new ArrayList<>();
    CgroupSettings.Builder b = CgroupSettings.builder().runtime(runtime).pageSize(pageSize).podPidsLimit(podPidsLimit)
        .singleProcessOomKill(singleProcessOomKill).cpuCfsQuota(cpuCfsQuota);
    CgroupFlags.minor(kubernetesVersion, problems).ifPresent(b::kubernetesMinor);
    if (memoryQos != null) {
      b.memoryQos(memoryQos);
    }
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
    List<SourcedObject> objects = input.read(root.stdin());
    List<SourcedObject> pods = objects.stream().filter(o -> o.object() instanceof Pod).toList();
    if (pods.size() != 1) {
      throw new UsageException("give exactly one Pod (found " + pods.size() + ")");
    }
    PodCgroup p = PodCgroups.compute(PodContainers.of(pods.get(0)), settings);
    ObjectNode json = json(p);
    output.print(spec.commandLine().getOut(), json, out -> JsonOut.printYaml(out, json));
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

  private static ObjectNode json(PodCgroup p) {
    ObjectNode root = JsonOut.object().put("qos", p.qos().name());
    ObjectNode pod = root.putObject("pod").put("cpuShares", p.podCpuShares()).put("cpu.weight", p.podCpuWeight());
    text(pod, "cpu.max", p.podCpuMax());
    text(pod, "memory.max", p.podMemoryMax());
    pod.put("pids.max", p.podPidsMax());
    ArrayNode containers = root.putArray("containers");
    for (ContainerCgroup c : p.containers()) {
      ObjectNode n = containers.addObject().put("name", c.name()).put("cpuShares", c.cpuShares());
      number(n, "cpuQuota", c.cpuQuota());
      n.put("cpu.weight", c.cpuWeight());
      text(n, "cpu.max", c.cpuMax());
      n.put("memory.max", c.memoryMax());
      number(n, "memory.min", c.memoryMin());
      number(n, "memory.low", c.memoryLow());
      number(n, "memory.high", c.memoryHigh());
      text(n, "memory.oom.group", c.memoryOomGroup());
      n.put("initContainer", c.initContainer());
    }
    return root;
  }

  private static void text(ObjectNode n, String field, Optional<String> v) {
    if (v.isPresent()) {
      n.put(field, v.get());
    } else {
      n.putNull(field);
    }
  }

  private static void number(ObjectNode n, String field, Optional<Long> v) {
    if (v.isPresent()) {
      n.put(field, v.get());
    } else {
      n.putNull(field);
    }
  }
}
