package dev.aiinfra.examples.dra;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.ManifestWriter;
import dev.aiinfra.core.read.TreeBinding;
import dev.aiinfra.core.render.workload.PodTemplateRenderer;
import dev.aiinfra.dra.model.AttributeValue;
import dev.aiinfra.dra.model.Device;
import dev.aiinfra.dra.model.DeviceResult;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import dev.aiinfra.dra.policy.AllocatedDevices;
import dev.aiinfra.dra.policy.AllocationOutcome;
import dev.aiinfra.dra.policy.DeviceAllocator;
import dev.aiinfra.dra.policy.DraCluster;
import dev.aiinfra.dra.render.DraManifests;
import dev.aiinfra.dra.render.DraRecipe;
import dev.aiinfra.dra.render.DraRecipes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A distributed-training pod that wants 8 GPUs and 8 RDMA NICs, GPU i and NIC i on the same PCIe
 * root (so GPUDirect RDMA stays under one root complex), checked against two nodes: one wired that
 * way, one whose NICs hang off only four roots. Prints the claim template and pod YAML, then each
 * node's answer with its explanation.
 */
public final class AlignedGpuNicExample {
  /** The GPU driver's name. */
  public static final String GPU_DRIVER = "gpu.nvidia.com";
  /** The RDMA NIC driver's name. */
  public static final String NIC_DRIVER = "rdma.example.com";

  private AlignedGpuNicExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Eight GPU/NIC pairs, pair i on one PCIe root: the DeviceClasses, the claim template and the pod wiring. */
  public static DraRecipe recipe() {
    return DraRecipes.gpuNicPairs(GPU_DRIVER, NIC_DRIVER, 8);
  }

  /** The two nodes' ResourceSlices ({@code aligned}: one NIC per GPU root; {@code misaligned}: NICs on four roots) and the classes. */
  public static DraCluster cluster() {
    DraRecipe recipe = recipe();
    return DraCluster.builder()
        .addAllClasses(recipe.classes())
        .addSlices(DraRecipes.gpuSlice("aligned", GPU_DRIVER, 8), DraRecipes.nicSlice("aligned", NIC_DRIVER, 8))
        .addSlices(DraRecipes.gpuSlice("misaligned", GPU_DRIVER, 8), fourRootNics("misaligned"))
        .build();
  }

  /**
   * What {@code ai-infra render dra-gpu-nic-aligned} prints, ready for {@code ai-infra dra allocate
   * -f - --node aligned}: the DeviceClasses and claim template to apply, a training pod that uses
   * the template, and both nodes' ResourceSlices (published by the drivers in a real cluster).
   */
  public static ManifestBundle manifests() {
    DraRecipe recipe = recipe();
    List<HasMetadata> objects = new ArrayList<>(recipe.manifests().objects());
    PodTemplateSpec template = TreeBinding.bind(PodTemplateRenderer.render(recipe.podTemplate().orElseThrow()), PodTemplateSpec.class,
        FieldPath.of("spec"));
    objects.add(new PodBuilder().withNewMetadata().withName("trainer-0").withNamespace("default").endMetadata()
        .withSpec(template.getSpec()).build());
    cluster().slices().forEach(slice -> objects.add(DraManifests.resourceSlice(slice)));
    return ManifestBundle.of(objects);
  }

  /** The claim, allocated on each node in turn. */
  public static List<AllocationOutcome> allocate() {
    DraCluster cluster = cluster();
    DeviceAllocator allocator = DeviceAllocator.of(cluster, ClusterProfile.defaults());
    ResourceClaimSpec claim = recipe().claims().get(0).withTemplate(false).withName("trainer-0-accelerators");
    List<AllocationOutcome> outcomes = new ArrayList<>();
    for (String node : cluster.nodeNames()) {
      outcomes.add(allocator.allocate(node, List.of(claim), AllocatedDevices.none()));
    }
    return outcomes;
  }

  /** Each node's answer and its first reason. */
  public static List<String> findings() {
    List<String> out = new ArrayList<>();
    for (AllocationOutcome o : allocate()) {
      out.add("node " + o.node() + ": " + (o.satisfiable() ? "fits, " + o.claims().get(0).allocation().results().size() + " devices" : "does not fit")
          + o.reasons().stream().findFirst().map(d -> " (" + d.code() + ": " + d.message() + ")").orElse(""));
    }
    return out;
  }

  static List<AllocationOutcome> run(PrintStream out) {
    DraRecipe recipe = recipe();
    out.println("# What to apply: DeviceClasses and the claim template");
    out.print(recipe.manifests().toYaml());
    out.println("---\n# The training pod's claim wiring");
    out.print(ManifestWriter.yamlOf(PodTemplateRenderer.render(recipe.podTemplate().orElseThrow())));

    List<AllocationOutcome> outcomes = allocate();
    for (AllocationOutcome o : outcomes) {
      out.println();
      out.println("## node " + o.node() + ": " + (o.satisfiable() ? "fits" : "does not fit") + " (" + o.status() + ")");
      if (o.satisfiable()) {
        for (DeviceResult r : o.claims().get(0).allocation().results()) {
          out.printf("  %-6s -> %s/%s%n", r.request(), r.driver(), r.device());
        }
      }
      for (Diagnostic d : o.reasons()) {
        out.println("  " + d.code() + ": " + d.message());
      }
    }
    return outcomes;
  }

  /** Eight NICs on only four PCIe roots (two per root), so GPUs 4-7 have no NIC on their root. */
  static ResourceSliceSpec fourRootNics(String node) {
    ResourceSliceSpec.Builder b = ResourceSliceSpec.builder().name(node + "-nics").driver(NIC_DRIVER).pool(node).nodeName(node);
    for (int i = 0; i < 8; i++) {
      b.addDevices(Device.builder().name("nic-" + i)
          .putAttribute("rdma", AttributeValue.ofBool(true))
          .putAttribute(DraRecipes.PCIE_ROOT, AttributeValue.ofString(String.format("pci0000:%02x", i / 2)))
          .build());
    }
    return b.build();
  }
}
