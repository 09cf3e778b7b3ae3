package dev.aiinfra.examples.cgroup;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.read.TreeBinding;
import dev.aiinfra.core.render.workload.PodTemplateRenderer;
import dev.aiinfra.sandbox.model.cgroup.CgroupSettings;
import dev.aiinfra.sandbox.policy.cgroup.CgroupPod;
import dev.aiinfra.sandbox.policy.cgroup.ContainerCgroup;
import dev.aiinfra.sandbox.policy.cgroup.PodCgroup;
import dev.aiinfra.sandbox.policy.cgroup.PodCgroups;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inference server with a metrics sidecar: the server has equal CPU and memory requests and
 * limits, the sidecar only requests, so the pod is Burstable. Prints the cgroup v2 files the
 * kubelet and runc 1.3 write on Kubernetes 1.36 ({@code cpu.weight}, {@code cpu.max}, {@code
 * memory.max}) for the pod and each container, the numbers {@code ai-infra cgroup pod} gives for
 * the pod {@code ai-infra render cgroup-inference-pod} prints.
 */
public final class CgroupExample {
  /** Kubernetes 1.36 nodes running runc 1.3.2, cgroup v2. */
  public static final CgroupSettings SETTINGS = CgroupSettings.builder().kubernetesMinor(36).runtime("runc:1.3.2").build();

  private CgroupExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** The server (8 CPUs, 64 GiB, one GPU, requests = limits) and its metrics sidecar (requests only). */
  public static PodTemplate pod() {
    ResourceList server = ResourceList.of("cpu", "8", "memory", "64Gi", "nvidia.com/gpu", "1");
    return PodTemplate.builder().putLabel("app", "inference")
        .addContainer(ContainerSpec.builder().name("server").image("vllm/vllm-openai:v0.11.0").requests(server).limits(server).build())
        .addContainer(ContainerSpec.builder().name("metrics").image("ghcr.io/example/metrics:1.0")
            .requests(ResourceList.of("cpu", "100m", "memory", "128Mi")).build())
        .build();
  }

  /** The pod as {@code ai-infra cgroup pod -f -} reads it. */
  public static ManifestBundle manifests() {
    PodTemplateSpec template = TreeBinding.bind(PodTemplateRenderer.render(pod()), PodTemplateSpec.class, FieldPath.of("spec.template"));
    return ManifestBundle.of(new PodBuilder().withNewMetadata().withName("inference-0").withNamespace("serving").addToLabels(pod().labels())
        .endMetadata().withSpec(template.getSpec()).build());
  }

  /** The cgroup values of the pod and its containers. */
  public static PodCgroup cgroups() {
    return PodCgroups.compute(new CgroupPod(pod().initContainers(), pod().containers()), SETTINGS);
  }

  /** The pod's QoS class and cgroup values, then each container's. */
  public static List<String> findings() {
    PodCgroup c = cgroups();
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "pod (%s): cpu.weight %d, cpu.max %s, memory.max %s", c.qos(), c.podCpuWeight(),
        c.podCpuMax().orElse("max"), c.podMemoryMax().map(String::valueOf).orElse("max")));
    for (ContainerCgroup k : c.containers()) {
      out.add(String.format(Locale.ROOT, "%s: cpu.weight %d, cpu.max %s, memory.max %s", k.name(), k.cpuWeight(), k.cpuMax().orElse("max"),
          k.memoryMax()));
    }
    return out;
  }

  static PodCgroup run(PrintStream out) {
    out.print(manifests().toYaml());
    out.println();
    findings().forEach(f -> out.println("# " + f));
    return cgroups();
  }
}
