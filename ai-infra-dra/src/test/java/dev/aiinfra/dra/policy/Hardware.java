package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.dra.model.AttributeValue;
import dev.aiinfra.dra.model.Device;
import dev.aiinfra.dra.model.DeviceClaim;
import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.DeviceRequest;
import dev.aiinfra.dra.model.DeviceSelection;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import java.util.List;

/** Test fixtures built with the public builders: GPUs, NICs, classes and claims. */
final class Hardware {
  static final String GPU_DRIVER = "gpu.example.com";
  static final String NIC_DRIVER = "nic.example.com";
  static final String PCIE_ROOT = "resource.kubernetes.io/pcieRoot";

  private Hardware() {}

  static Device gpu(String name, String pcieRoot) {
    return Device.builder().name(name)
        .putAttribute("model", AttributeValue.ofString("h100"))
        .putAttribute(PCIE_ROOT, AttributeValue.ofString(pcieRoot))
        .putCapacity("memory", dev.aiinfra.dra.model.DeviceCapacity.of("80Gi"))
        .build();
  }

  static Device nic(String name, String pcieRoot) {
    return Device.builder().name(name)
        .putAttribute("rdma", AttributeValue.ofBool(true))
        .putAttribute(PCIE_ROOT, AttributeValue.ofString(pcieRoot))
        .build();
  }

  static ResourceSliceSpec slice(String name, String driver, String node, Device... devices) {
    return ResourceSliceSpec.builder().name(name).driver(driver).pool(node).nodeName(node).addDevices(devices).build();
  }

  static DeviceClassSpec driverClass(String name, String driver) {
    return DeviceClassSpec.builder().name(name).addSelectors("device.driver == \"" + driver + "\"").build();
  }

  static List<DeviceClassSpec> classes() {
    return List.of(driverClass("gpu", GPU_DRIVER), driverClass("nic", NIC_DRIVER));
  }

  static ResourceClaimSpec claim(String name, DeviceRequest... requests) {
    return ResourceClaimSpec.builder().name(name).devices(DeviceClaim.builder().addRequests(requests).build()).build();
  }

  static DeviceRequest exactly(String name, String deviceClass, long count) {
    return DeviceRequest.exactly(name, DeviceSelection.of(deviceClass, count));
  }

  static Quantity q(String s) {
    return Quantity.parse(s);
  }

  static DraCluster cluster(ResourceSliceSpec... slices) {
    return DraCluster.builder().addSlices(slices).addAllClasses(classes()).build();
  }

  static AllocationOutcome allocate(DraCluster cluster, String node, ResourceClaimSpec... claims) {
    return DeviceAllocator.of(cluster, AllocatorFeatures.all()).allocate(node, List.of(claims), AllocatedDevices.none());
  }
}
