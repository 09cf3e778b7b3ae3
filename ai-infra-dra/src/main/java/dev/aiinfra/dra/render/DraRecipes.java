package dev.aiinfra.dra.render;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.dra.model.AttributeValue;
import dev.aiinfra.dra.model.CelSelector;
import dev.aiinfra.dra.model.CounterConsumption;
import dev.aiinfra.dra.model.CounterSet;
import dev.aiinfra.dra.model.Device;
import dev.aiinfra.dra.model.DeviceCapacity;
import dev.aiinfra.dra.model.DeviceClaim;
import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.DeviceConstraint;
import dev.aiinfra.dra.model.DeviceRequest;
import dev.aiinfra.dra.model.DeviceSelection;
import dev.aiinfra.dra.model.RequestPolicy;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recipes for common accelerator layouts, each with classes, a claim template, a wired pod template
 * and example hardware. Driver and attribute names are parameters; the short forms use the
 * placeholder drivers {@code gpu.example.com} and {@code nic.example.com}, while
 * {@code resource.kubernetes.io/pcieRoot} is the standard attribute both drivers must publish for
 * cross-driver alignment.
 */
public final class DraRecipes {
  public static final String GPU_DRIVER = "gpu.example.com";
  public static final String NIC_DRIVER = "nic.example.com";
  public static final String PCIE_ROOT = "resource.kubernetes.io/pcieRoot";
  private static final String IMAGE = "registry.example.com/train:latest";

  private DraRecipes() {}

  static DeviceClassSpec driverClass(String name, String driver) {
    return DeviceClassSpec.builder().name(name).addSelector(CelSelector.driver(driver)).build();
  }

  private static PodTemplate pod(String container) {
    return PodTemplate.builder().addContainers(ContainerSpec.builder().name(container).image(IMAGE).requests(ResourceList.empty()).build()).build();
  }

  /**
   * {@code pairs} GPUs and {@code pairs} RDMA NICs, GPU i and NIC i on the same PCIe root
   * (requests {@code gpu-i}, {@code nic-i}, one matchAttribute per pair).
   */
  public static DraRecipe gpuNicPairs(int pairs) {
    return gpuNicPairs(GPU_DRIVER, NIC_DRIVER, pairs);
  }

  public static DraRecipe gpuNicPairs(String gpuDriver, String nicDriver, int pairs) {
    DeviceClassSpec gpu = driverClass("gpu", gpuDriver);
    DeviceClassSpec nic = DeviceClassSpec.builder().name("rdma-nic")
        .addSelector(CelSelector.driver(nicDriver).and(CelSelector.attribute(nicDriver + "/rdma").isTrue())).build();
    DeviceClaim.Builder devices = DeviceClaim.builder();
    for (int i = 0; i < pairs; i++) {
      devices.addRequests(DeviceRequest.exactly("gpu-" + i, DeviceSelection.of("gpu", 1)));
      devices.addRequests(DeviceRequest.exactly("nic-" + i, DeviceSelection.of("rdma-nic", 1)));
      devices.addConstraints(DeviceConstraint.match(PCIE_ROOT, "gpu-" + i, "nic-" + i));
    }
    ResourceClaimSpec template = ResourceClaimSpec.builder().name("gpu-nic-pairs").template(true).devices(devices.build()).build();
    return DraRecipe.builder().name("gpu-nic-pairs")
        .addClasses(gpu, nic).addClaims(template)
        .podTemplate(ClaimWiring.attach(pod("trainer"), "accelerators", template))
        .addExampleSlices(gpuSlice("node-a", gpuDriver, pairs), nicSlice("node-a", nicDriver, pairs))
        .build();
  }

  /** Example GPU slice: GPU i on PCIe root {@code pci0000:<i>} (two GPUs per root when there are more GPUs than roots). */
  public static ResourceSliceSpec gpuSlice(String node, String driver, int gpus) {
    ResourceSliceSpec.Builder b = ResourceSliceSpec.builder().name(node + "-" + driver.replace('.', '-')).driver(driver).pool(node).nodeName(node);
    for (int i = 0; i < gpus; i++) {
      b.addDevices(Device.builder().name("gpu-" + i)
          .putAttribute("productName", AttributeValue.ofString("example-gpu-80gb"))
          .putAttribute("driverVersion", AttributeValue.ofVersion("580.65.6"))
          .putAttribute(PCIE_ROOT, AttributeValue.ofString(String.format("pci0000:%02x", i)))
          .putCapacity("memory", DeviceCapacity.of("80Gi"))
          .build());
    }
    return b.build();
  }

  public static ResourceSliceSpec nicSlice(String node, String driver, int nics) {
    ResourceSliceSpec.Builder b = ResourceSliceSpec.builder().name(node + "-" + driver.replace('.', '-')).driver(driver).pool(node).nodeName(node);
    for (int i = 0; i < nics; i++) {
      b.addDevices(Device.builder().name("nic-" + i)
          .putAttribute("rdma", AttributeValue.ofBool(true))
          .putAttribute(PCIE_ROOT, AttributeValue.ofString(String.format("pci0000:%02x", i)))
          .build());
    }
    return b.build();
  }

  /** {@code gpus} GPUs that share one NVLink domain, named by the driver attribute {@code domainAttribute}. */
  public static DraRecipe nvlinkDomain(int gpus) {
    return nvlinkDomain(GPU_DRIVER, GPU_DRIVER + "/nvlinkDomain", gpus);
  }

  public static DraRecipe nvlinkDomain(String gpuDriver, String domainAttribute, int gpus) {
    ResourceClaimSpec template = ResourceClaimSpec.builder().name("nvlink-gpus").template(true)
        .devices(DeviceClaim.builder()
            .addRequests(DeviceRequest.exactly("gpus", DeviceSelection.of("gpu", gpus)))
            .addConstraints(DeviceConstraint.match(domainAttribute))
            .build())
        .build();
    String id = domainAttribute.substring(domainAttribute.indexOf('/') + 1);
    ResourceSliceSpec.Builder slice = ResourceSliceSpec.builder().name("node-a-gpus").driver(gpuDriver).pool("node-a").nodeName("node-a");
    for (int i = 0; i < 2 * gpus; i++) {
      slice.addDevices(Device.builder().name("gpu-" + i).putAttribute(id, AttributeValue.ofInt(i % 2)).build());
    }
    return DraRecipe.builder().name("nvlink-domain")
        .addClasses(driverClass("gpu", gpuDriver)).addClaims(template)
        .podTemplate(ClaimWiring.attach(pod("trainer"), "gpus", template))
        .addExampleSlices(slice.build())
        .build();
  }

  /**
   * A slice of one GPU's memory: a class of shareable GPUs and a claim for {@code memory} of it
   * (DRAConsumableCapacity); the example GPU rounds requests up in 8Gi steps.
   */
  public static DraRecipe sharedGpuMemory(String memory) {
    DeviceClassSpec shared = DeviceClassSpec.builder().name("shared-gpu")
        .addSelector(CelSelector.driver(GPU_DRIVER).and(CelSelector.shareable())).build();
    ResourceClaimSpec template = ResourceClaimSpec.builder().name("gpu-memory-slice").template(true)
        .devices(DeviceClaim.builder().addRequests(DeviceRequest.exactly("gpu", DeviceSelection.builder()
            .deviceClassName("shared-gpu").putCapacityRequest("memory", Quantity.parse(memory)).build())).build())
        .build();
    RequestPolicy policy = RequestPolicy.builder().defaultValue(Quantity.parse("8Gi")).min(Quantity.parse("8Gi"))
        .max(Quantity.parse("80Gi")).step(Quantity.parse("8Gi")).build();
    ResourceSliceSpec slice = ResourceSliceSpec.builder().name("node-a-shared-gpus").driver(GPU_DRIVER).pool("node-a").nodeName("node-a")
        .addDevices(Device.builder().name("gpu-0").allowMultipleAllocations(true)
            .putCapacity("memory", DeviceCapacity.of(Quantity.parse("80Gi"), policy)).build())
        .build();
    return DraRecipe.builder().name("shared-gpu-memory")
        .addClasses(shared).addClaims(template)
        .podTemplate(ClaimWiring.attach(pod("inference"), "gpu", template))
        .addExampleSlices(slice)
        .build();
  }

  /**
   * Partitions of one GPU through shared counters (DRAPartitionableDevices): the whole GPU, two
   * halves or four quarters, all drawing on one counter set of memory and compute slices; the claim
   * asks for one partition with at least {@code memory}.
   */
  public static DraRecipe partitions(String memory) {
    ResourceClaimSpec template = ResourceClaimSpec.builder().name("gpu-partition").template(true)
        .devices(DeviceClaim.builder().addRequests(DeviceRequest.exactly("partition", DeviceSelection.builder()
            .deviceClassName("gpu").addSelector(CelSelector.capacity(GPU_DRIVER + "/memory").atLeast(memory)).build())).build())
        .build();
    ResourceSliceSpec counters = ResourceSliceSpec.builder().name("node-a-gpu-counters").driver(GPU_DRIVER).pool("node-a")
        .resourceSliceCount(2).nodeName("node-a")
        .addSharedCounters(CounterSet.of("gpu-0", Map.of("memory", Quantity.parse("80Gi"), "slices", Quantity.parse("4"))))
        .build();
    ResourceSliceSpec.Builder devices = ResourceSliceSpec.builder().name("node-a-gpu-partitions").driver(GPU_DRIVER).pool("node-a")
        .resourceSliceCount(2).nodeName("node-a");
    devices.addDevices(partition("gpu-0-whole", "80Gi", 4));
    for (int i = 0; i < 2; i++) {
      devices.addDevices(partition("gpu-0-half-" + i, "40Gi", 2));
    }
    for (int i = 0; i < 4; i++) {
      devices.addDevices(partition("gpu-0-quarter-" + i, "20Gi", 1));
    }
    return DraRecipe.builder().name("gpu-partitions")
        .addClasses(driverClass("gpu", GPU_DRIVER)).addClaims(template)
        .podTemplate(ClaimWiring.attach(pod("inference"), "gpu", template))
        .addExampleSlices(counters, devices.build())
        .build();
  }

  private static Device partition(String name, String memory, long slices) {
    Map<String, Quantity> use = new LinkedHashMap<>();
    use.put("memory", Quantity.parse(memory));
    use.put("slices", Quantity.of(slices));
    return Device.builder().name(name)
        .putCapacity("memory", DeviceCapacity.of(memory))
        .addConsumesCounters(CounterConsumption.of("gpu-0", use))
        .build();
  }

  /** The extended-resource migration recipe: see {@link ExtendedResourceMigration}. */
  public static DraRecipe extendedResourceMigration(PodTemplate pod) {
    ExtendedResourceMigration.Result r = ExtendedResourceMigration.migrate(pod, "nvidia.com/gpu", "gpu", GPU_DRIVER);
    List<ResourceSliceSpec> slices = new ArrayList<>();
    slices.add(gpuSlice("node-a", GPU_DRIVER, 8));
    return DraRecipe.builder().name("extended-resource-migration")
        .addClasses(r.deviceClass()).addAllClaims(r.templates())
        .podTemplate(r.podTemplate())
        .addAllExampleSlices(slices)
        .build();
  }
}
