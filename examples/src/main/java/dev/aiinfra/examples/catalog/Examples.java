package dev.aiinfra.examples.catalog;

import dev.aiinfra.examples.Example;
import dev.aiinfra.examples.Example.Area;
import dev.aiinfra.examples.cgroup.CgroupExample;
import dev.aiinfra.examples.dns.TuneNdotsExample;
import dev.aiinfra.examples.dra.AlignedGpuNicExample;
import dev.aiinfra.examples.gang.JobSetGangExample;
import dev.aiinfra.examples.gang.KueueGpuQueueExample;
import dev.aiinfra.examples.observability.ObservedServingExample;
import dev.aiinfra.examples.sandbox.GpuAgentSandboxExample;
import dev.aiinfra.examples.serving.DisaggregatedServingExample;
import dev.aiinfra.examples.validation.ValidationExample;
import dev.aiinfra.scheduling.model.GangTarget;
import java.util.List;
import java.util.Optional;

/**
 * Every example's objects, in area order: what {@code ai-infra render --list} lists and {@code
 * ai-infra demo} tours. Each entry calls its example program, so the command and the programs
 * show the same objects.
 */
public final class Examples {
  private static final List<Example> ALL = List.of(
      Example.of("dns-ndots", Area.DNS, "Deployment, CronJob (musl) and JobSet with the cheapest safe ndots for their lookups",
          () -> TuneNdotsExample.tuned().bundle(), TuneNdotsExample::findings),
      Example.of("validation-broken-pod", Area.VALIDATION, "a Pod the API server would refuse: bad name, four nameservers, a nameless DNS option",
          ValidationExample::manifests, ValidationExample::findings),
      Example.of("gang-jobset-native", Area.GANGS, "256-pod JobSet with a Workload gang (v1alpha2 Workload + PodGroup) required in one rack",
          () -> JobSetGangExample.manifests(GangTarget.NATIVE), JobSetGangExample::findings),
      Example.of("gang-jobset-kueue", Area.GANGS, "the same JobSet queued in Kueue with a required-rack TAS annotation",
          () -> JobSetGangExample.manifests(GangTarget.KUEUE), JobSetGangExample::findings),
      Example.of("kueue-gpu-queue", Area.GANGS, "a Kueue GPU queue with TAS derived from the sample cluster, and the JobSet admitted into it (twice: the second finds the quota taken)",
          KueueGpuQueueExample::manifests, KueueGpuQueueExample::findings),
      Example.of("gang-jobset-volcano", Area.GANGS, "the same JobSet gang-scheduled by Volcano",
          () -> JobSetGangExample.manifests(GangTarget.VOLCANO), JobSetGangExample::findings),
      Example.of("dra-gpu-nic-aligned", Area.DRA, "8 GPU/NIC pairs on one PCIe root each: DeviceClasses, claim template, a pod and two nodes' ResourceSlices",
          AlignedGpuNicExample::manifests, AlignedGpuNicExample::findings),
      Example.of("serving-pd-disaggregated", Area.SERVING, "Qwen3-32B on 32 H200: the planned prefill/decode LeaderWorkerSets, InferencePool and decode HPA",
          DisaggregatedServingExample::manifests, DisaggregatedServingExample::findings),
      Example.of("serving-observed", Area.SERVING, "the Qwen3-32B-FP8 disaggregated vLLM deployment with its PodMonitors, GPU/gang/restart and SLO rules, and KEDA ScaledObjects",
          ObservedServingExample::manifests, ObservedServingExample::findings),
      Example.of("agent-sandbox-gpu", Area.SANDBOX, "hardened GPU SandboxTemplate on Kata, RuntimeClass, warm pool sized for 50 claims/s, and a claim",
          GpuAgentSandboxExample::manifests, GpuAgentSandboxExample::findings),
      Example.of("cgroup-inference-pod", Area.CGROUP, "a Burstable inference pod (server with requests = limits, metrics sidecar) for cgroup pod",
          CgroupExample::manifests, CgroupExample::findings));

  private Examples() {}

  /** Every example, in area order. */
  public static List<Example> all() {
    return ALL;
  }

  /** The example named {@code name}. */
  public static Optional<Example> named(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The first example of {@code area}: the one {@code ai-infra demo} shows. */
  public static Example first(Area area) {
    return ALL.stream().filter(e -> e.area() == area).findFirst().orElseThrow();
  }
}
