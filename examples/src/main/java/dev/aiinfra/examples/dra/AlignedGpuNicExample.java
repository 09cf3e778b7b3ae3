package dev.aiinfra.examples.dra;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.render.ManifestWriter;
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
import dev.aiinfra.dra.render.DraRecipe;
import dev.aiinfra.dra.render.DraRecipes;
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
  static final String GPU_DRIVER = "gpu.nvidia.com";
  static final String NIC_DRIVER = "rdma.example.com";

  private AlignedGpuNicExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  static List<AllocationOutcome> run(PrintStream out) {
    DraRecipe recipe = DraRecipes.gpuNicPairs(GPU_DRIVER, NIC_DRIVER, 8);
    out.println("# What to apply: DeviceClasses and the claim template");
    out.print(recipe.manifests().toYaml());
    out.println("---\n# The training pod's claim wiring");
    out.print(ManifestWriter.yamlOf(PodTemplateRenderer.render(recipe.podTemplate().orElseThrow())));

    DraCluster cluster = DraCluster.builder()
        .addAllClasses(recipe.classes())
        .addSlices(DraRecipes.gpuSlice("aligned", GPU_DRIVER, 8), DraRecipes.nicSlice("aligned", NIC_DRIVER, 8))
        .addSlices(DraRecipes.gpuSlice("misaligned", GPU_DRIVER, 8), fourRootNics("misaligned"))
        .build();
    DeviceAllocator allocator = DeviceAllocator.of(cluster, ClusterProfile.defaults());
    ResourceClaimSpec claim = recipe.claims().get(0).withTemplate(false).withName("trainer-0-accelerators");
    List<AllocationOutcome> outcomes = new ArrayList<>();
    for (String node : cluster.nodeNames()) {
      AllocationOutcome o = allocator.allocate(node, List.of(claim), AllocatedDevices.none());
      outcomes.add(o);
      out.println();
      out.println("## node " + node + ": " + (o.satisfiable() ? "fits" : "does not fit") + " (" + o.status() + ")");
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
