package dev.aiinfra.testing.dra;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.dra.model.AllocationMode;
import dev.aiinfra.dra.model.AllocationResult;
import dev.aiinfra.dra.model.AttributeValue;
import dev.aiinfra.dra.model.CounterConsumption;
import dev.aiinfra.dra.model.CounterSet;
import dev.aiinfra.dra.model.Device;
import dev.aiinfra.dra.model.DeviceCapacity;
import dev.aiinfra.dra.model.DeviceClaim;
import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.DeviceConstraint;
import dev.aiinfra.dra.model.DeviceRequest;
import dev.aiinfra.dra.model.DeviceResult;
import dev.aiinfra.dra.model.DeviceSelection;
import dev.aiinfra.dra.model.DeviceSubRequest;
import dev.aiinfra.dra.model.DeviceTaint;
import dev.aiinfra.dra.model.DeviceToleration;
import dev.aiinfra.dra.model.RequestPolicy;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import dev.aiinfra.testing.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded generators for DRA allocation cases on one node: GPUs and NICs of two drivers with PCIe
 * roots, NUMA nodes, memory capacity (some shareable with a request policy), partitions consuming a
 * pool counter, taints; devices already allocated; and one pod's claims with ExactCount, All and
 * firstAvailable requests, CEL selectors, tolerations, capacity requests and match/distinct
 * constraints.
 */
public final class DraGenerators {
  public static final String NODE = "node-0";
  public static final String GPU = "gpu.example.com";
  public static final String NIC = "nic.example.com";
  public static final String PCIE_ROOT = "resource.kubernetes.io/pcieRoot";
  public static final Quantity COUNTER_MEMORY = Quantity.parse("40Gi");

  /** The selectors requests draw from; each guards its lookups, so none raises a CEL error. */
  public static final List<String> SELECTORS = List.of(
      "\"numa\" in device.attributes[device.driver] && device.attributes[device.driver].numa == 0",
      "\"memory\" in device.capacity[\"gpu.example.com\"] && device.capacity[\"gpu.example.com\"].memory.compareTo(quantity(\"20Gi\")) >= 0",
      "device.driver == \"nic.example.com\"",
      "!device.allowMultipleAllocations");

  private DraGenerators() {}

  /** One generated case: the hardware, the classes, what is already allocated, and the pod's claims. */
  public record DraCase(List<ResourceSliceSpec> slices, List<DeviceClassSpec> classes, List<DeviceResult> allocated, List<ResourceClaimSpec> claims) {
    public AllocationResult allocatedResult() {
      return AllocationResult.builder().addAllResults(allocated).build();
    }

    public List<Device> devices() {
      return slices.stream().flatMap(s -> s.devices().stream()).toList();
    }

    public String driverOf(String device) {
      return slices.stream().filter(s -> s.devices().stream().anyMatch(d -> d.name().equals(device))).findFirst().orElseThrow().driver();
    }
  }

  public static List<DeviceClassSpec> classes() {
    return List.of(
        DeviceClassSpec.builder().name("gpu").addSelectors("device.driver == \"gpu.example.com\"").build(),
        DeviceClassSpec.builder().name("nic").addSelectors("device.driver == \"nic.example.com\"").build(),
        DeviceClassSpec.builder().name("any").build());
  }

  /** Cases with at most {@code maxDevices} devices, {@code maxClaims} claims of up to {@code maxRequests} requests. */
  public static Gen<DraCase> cases(int maxDevices, int maxClaims, int maxRequests) {
    return r -> {
      int n = 1 + r.nextInt(maxDevices);
      List<Device> gpus = new ArrayList<>();
      List<Device> nics = new ArrayList<>();
      boolean counters = false;
      for (int i = 0; i < n; i++) {
        boolean gpu = r.nextInt(3) > 0;
        Device d = device((gpu ? "gpu-" : "nic-") + i, gpu, r);
        counters |= !d.consumesCounters().isEmpty();
        (gpu ? gpus : nics).add(d);
      }
      List<ResourceSliceSpec> slices = new ArrayList<>();
      long gpuSlices = counters ? 2 : 1;
      if (!gpus.isEmpty()) {
        slices.add(ResourceSliceSpec.builder().name("gpus").driver(GPU).pool(NODE).nodeName(NODE).resourceSliceCount(gpuSlices).addAllDevices(gpus).build());
      }
      if (counters) {
        slices.add(ResourceSliceSpec.builder().name("gpu-counters").driver(GPU).pool(NODE).nodeName(NODE).resourceSliceCount(gpuSlices)
            .addSharedCounters(CounterSet.of("mem", Map.of("memory", COUNTER_MEMORY))).build());
      }
      if (!nics.isEmpty()) {
        slices.add(ResourceSliceSpec.builder().name("nics").driver(NIC).pool(NODE).nodeName(NODE).addAllDevices(nics).build());
      }
      List<DeviceResult> allocated = new ArrayList<>();
      for (ResourceSliceSpec s : slices) {
        for (Device d : s.devices()) {
          if (r.nextInt(7) == 0) {
            DeviceResult.Builder b = DeviceResult.builder().request("earlier").driver(s.driver()).pool(s.pool()).device(d.name());
            if (d.allowMultipleAllocations()) {
              b.shareId("00000000-0000-0000-0000-00000000000" + (allocated.size() % 10)).putConsumedCapacity("memory", Quantity.parse("10Gi"));
            }
            allocated.add(b.build());
          }
        }
      }
      int claims = 1 + r.nextInt(maxClaims);
      List<ResourceClaimSpec> out = new ArrayList<>();
      for (int c = 0; c < claims; c++) {
        out.add(claim("claim-" + c, maxRequests, r));
      }
      return new DraCase(slices, classes(), allocated, out);
    };
  }

  private static Device device(String name, boolean gpu, SplittableRandom r) {
    Device.Builder b = Device.builder().name(name);
    if (r.nextInt(7) > 0) {
      b.putAttribute(PCIE_ROOT, AttributeValue.ofString("r" + r.nextInt(3)));
    }
    if (r.nextInt(7) > 0) {
      b.putAttribute("numa", AttributeValue.ofInt(r.nextInt(2)));
    }
    if (gpu && r.nextBoolean()) {
      Quantity memory = Quantity.parse((10 * (1 + r.nextInt(4))) + "Gi");
      boolean shared = r.nextInt(3) == 0;
      b.allowMultipleAllocations(shared);
      if (shared && r.nextBoolean()) {
        b.putCapacity("memory", DeviceCapacity.of(memory, RequestPolicy.builder().defaultValue(Quantity.parse("10Gi"))
            .min(Quantity.parse("10Gi")).step(Quantity.parse("10Gi")).max(memory).build()));
      } else {
        b.putCapacity("memory", DeviceCapacity.of(memory.toString()));
      }
      if (r.nextInt(3) == 0) {
        b.addConsumesCounters(CounterConsumption.of("mem", Map.of("memory", Quantity.parse((10 * (1 + r.nextInt(3))) + "Gi"))));
      }
    }
    if (r.nextInt(7) == 0) {
      b.addTaints(DeviceTaint.of("maint", "true", r.nextBoolean() ? "NoSchedule" : "None"));
    }
    return b.build();
  }

  private static ResourceClaimSpec claim(String name, int maxRequests, SplittableRandom r) {
    int n = 1 + r.nextInt(maxRequests);
    DeviceClaim.Builder b = DeviceClaim.builder();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String req = "req-" + i;
      names.add(req);
      if (r.nextInt(6) == 0) {
        b.addRequests(DeviceRequest.firstAvailable(req, DeviceSubRequest.of("a", selection(r)), DeviceSubRequest.of("b", selection(r))));
      } else {
        b.addRequests(DeviceRequest.exactly(req, selection(r)));
      }
    }
    if (r.nextInt(5) < 2) {
      String attribute = r.nextBoolean() ? PCIE_ROOT : GPU + "/numa";
      String[] covered = r.nextBoolean() ? new String[0] : names.subList(0, 1 + r.nextInt(names.size())).toArray(String[]::new);
      b.addConstraints(r.nextBoolean() ? DeviceConstraint.match(attribute, covered) : DeviceConstraint.distinct(attribute, covered));
    }
    return ResourceClaimSpec.builder().name(name).devices(b.build()).build();
  }

  private static DeviceSelection selection(SplittableRandom r) {
    String cls = List.of("gpu", "nic", "any").get(r.nextInt(3));
    DeviceSelection.Builder b = DeviceSelection.builder().deviceClassName(cls);
    if (r.nextInt(10) == 0) {
      b.allocationMode(AllocationMode.All);
    } else {
      b.count(1 + r.nextInt(2));
    }
    if (r.nextInt(5) < 2) {
      b.addSelectors(SELECTORS.get(r.nextInt(SELECTORS.size())));
    }
    if (r.nextInt(3) == 0) {
      b.addTolerations(DeviceToleration.builder().key("maint").operator("Exists").build());
    }
    if (!cls.equals("nic") && r.nextInt(4) == 0) {
      b.putCapacityRequest("memory", Quantity.parse((5 * (1 + r.nextInt(6))) + "Gi"));
    }
    return b.build();
  }
}
