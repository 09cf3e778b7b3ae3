package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.node.NodeSelectorOperator;
import dev.aiinfra.core.model.node.NodeSelectorRequirement;
import dev.aiinfra.core.model.node.NodeSelectorTerm;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    if (!cls.equals("nic") && r.nextInt(6) == 0) {
      b.putCapacityRequest("memory", Quantity.parse((5 * (1 + r.nextInt(6))) + "Gi"));
    }
    return b.build();
  }

  // ---------------------------------------------------------------------------------------------
  // Whole clusters: several nodes, node-local and network-attached pools, allocated claims, a pod.

  public static final String FPGA = "fpga.example.com";
  public static final String ZONE = "topology.example.com/zone";

  /**
   * A generated cluster and one pod's claims. {@code allocated} are claims carrying
   * {@code status.allocation} (the cluster's state); {@code claims} are the claims to allocate, in
   * order, unless {@code podClaims} is set: then a pod lists them (entries naming a claim or a
   * template of {@code templates}) and {@code claims} holds the claims it references by name.
   */
  public record DraClusterCase(
      Map<String, Map<String, String>> nodes,
      List<String> nodeObjects,
      List<ResourceSliceSpec> slices,
      List<DeviceClassSpec> classes,
      List<ResourceClaimSpec> allocated,
      List<ResourceClaimSpec> claims,
      List<ResourceClaimSpec> templates,
      Optional<List<PodClaimRef>> podClaims) {}

  /** One entry of the pod's {@code spec.resourceClaims}: a claim or a template, by name. */
  public record PodClaimRef(String entry, String claim, boolean template) {}

  /** Selectors with CEL the classes and requests draw from; the last may raise a runtime error. */
  public static final List<String> CLUSTER_SELECTORS = List.of(
      "device.attributes[device.driver].?numa.orValue(1) == 0",
      "\"memory\" in device.capacity[device.driver] && device.capacity[device.driver].memory.compareTo(quantity(\"20Gi\")) >= 0",
      "device.driver == \"nic.example.com\"",
      "!device.allowMultipleAllocations",
      "device.attributes[\"resource.kubernetes.io\"].?pcieRoot.orValue(\"\") == \"r0\"",
      "has(device.attributes[\"gpu.example.com\"].model) && device.attributes[\"gpu.example.com\"].model.startsWith(\"a\")",
      "device.attributes[\"gpu.example.com\"].?version.orValue(semver(\"0.0.0\")).isGreaterThan(semver(\"1.2.0\"))",
      "device.attributes[\"gpu.example.com\"].numa == 1");

  /** Classes for cluster cases: per driver, with selectors, one that may fail CEL at runtime. */
  public static List<DeviceClassSpec> clusterClasses() {
    return List.of(
        DeviceClassSpec.builder().name("gpu").addSelectors("device.driver == \"gpu.example.com\"").build(),
        DeviceClassSpec.builder().name("nic").addSelectors("device.driver == \"nic.example.com\"").build(),
        DeviceClassSpec.builder().name("fpga").addSelectors("device.driver == \"fpga.example.com\"").build(),
        DeviceClassSpec.builder().name("any").build(),
        DeviceClassSpec.builder().name("big-gpu").addSelectors("device.driver == \"gpu.example.com\"", CLUSTER_SELECTORS.get(1)).build(),
        DeviceClassSpec.builder().name("numa-strict").addSelectors(CLUSTER_SELECTORS.get(7)).build());
  }

  /** Cluster cases with up to {@code maxNodes} nodes and {@code maxDevices} devices per node-local pool. */
  public static Gen<DraClusterCase> clusters(int maxNodes, int maxDevices, int maxClaims, int maxRequests) {
    return r -> {
      int nodeCount = 1 + r.nextInt(maxNodes);
      Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
      List<String> nodeObjects = new ArrayList<>();
      for (int i = 0; i < nodeCount; i++) {
        String name = "node-" + i;
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ZONE, r.nextBoolean() ? "a" : "b");
        if (r.nextBoolean()) {
          labels.put("accel", "true");
        }
        nodes.put(name, labels);
        if (r.nextInt(3) > 0) {
          nodeObjects.add(name);
        }
      }
      List<ResourceSliceSpec> slices = new ArrayList<>();
      List<String> names = new ArrayList<>(nodes.keySet());
      for (String node : names) {
        if (r.nextInt(5) == 0) {
          continue; // a node without node-local devices
        }
        boolean sharedPoolName = r.nextInt(4) == 0; // both drivers name their pool after the node
        String gpuPool = sharedPoolName ? node : node + "-gpu";
        String nicPool = sharedPoolName ? node : node + "-nic";
        int n = 1 + r.nextInt(maxDevices);
        List<Device> gpus = new ArrayList<>();
        List<Device> nics = new ArrayList<>();
        boolean counters = false;
        boolean nicCounters = false;
        for (int i = 0; i < n; i++) {
          boolean gpu = r.nextInt(3) > 0;
          Device d = clusterDevice((gpu ? "gpu-" : "nic-") + i, gpu, sharedPoolName, r);
          if (gpu) {
            counters |= !d.consumesCounters().isEmpty();
          } else {
            nicCounters |= !d.consumesCounters().isEmpty();
          }
          (gpu ? gpus : nics).add(d);
        }
        long gpuSlices = (counters ? 2 : 1) + (r.nextInt(12) == 0 ? 1 : 0); // sometimes incomplete
        long generation = 1 + r.nextInt(2);
        if (!gpus.isEmpty()) {
          if (gpus.size() > 2 && r.nextInt(4) == 0) {
            // split over two slices; the second one's name sorts first
            int half = gpus.size() / 2;
            gpuSlices++;
            slices.add(ResourceSliceSpec.builder().name(node + "-gpus-b").driver(GPU).pool(gpuPool).nodeName(node).generation(generation)
                .resourceSliceCount(gpuSlices).addAllDevices(gpus.subList(0, half)).build());
            slices.add(ResourceSliceSpec.builder().name(node + "-gpus-a").driver(GPU).pool(gpuPool).nodeName(node).generation(generation)
                .resourceSliceCount(gpuSlices).addAllDevices(gpus.subList(half, gpus.size())).build());
          } else {
            slices.add(ResourceSliceSpec.builder().name(node + "-gpus").driver(GPU).pool(gpuPool).nodeName(node).generation(generation)
                .resourceSliceCount(gpuSlices).addAllDevices(gpus).build());
          }
          if (r.nextInt(10) == 0) {
            // an obsolete older generation of the same pool, or a newer one that makes it obsolete
            long other = r.nextBoolean() ? generation - 1 : generation + 1;
            if (other >= 1) {
              slices.add(ResourceSliceSpec.builder().name(node + "-gpus-gen" + other).driver(GPU).pool(gpuPool).nodeName(node).generation(other)
                  .resourceSliceCount(1).addDevices(Device.builder().name("gpu-old").putAttribute("numa", AttributeValue.ofInt(0)).build()).build());
            }
          }
        }
        if (counters) {
          slices.add(ResourceSliceSpec.builder().name(node + "-gpu-counters").driver(GPU).pool(gpuPool).nodeName(node).generation(generation)
              .resourceSliceCount(gpuSlices).addSharedCounters(CounterSet.of("mem", Map.of("memory", COUNTER_MEMORY))).build());
        }
        if (!nics.isEmpty()) {
          long nicSlices = nicCounters ? 2 : 1;
          slices.add(ResourceSliceSpec.builder().name(node + "-nics").driver(NIC).pool(nicPool).nodeName(node).resourceSliceCount(nicSlices)
              .addAllDevices(nics).build());
          if (nicCounters) {
            slices.add(ResourceSliceSpec.builder().name(node + "-nic-counters").driver(NIC).pool(nicPool).nodeName(node).resourceSliceCount(nicSlices)
                .addSharedCounters(CounterSet.of("mem", Map.of("memory", Quantity.parse("20Gi")))).build());
          }
        }
      }
      // Network-attached pools: all nodes, a zone's nodes, or per-device node selection.
      int shared = r.nextInt(4);
      for (int k = 0; k < shared; k++) {
        String pool = "fabric-" + k;
        ResourceSliceSpec.Builder b = ResourceSliceSpec.builder().name("fpga-" + k).driver(FPGA).pool(pool);
        int how = r.nextInt(4);
        int n = 1 + r.nextInt(3);
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          Device.Builder d = Device.builder().name("fpga-" + i).putAttribute("numa", AttributeValue.ofInt(r.nextInt(2)));
          if (r.nextInt(3) == 0) {
            d.putAttribute(PCIE_ROOT, AttributeValue.ofString("r" + r.nextInt(3)));
          }
          if (r.nextInt(6) == 0) {
            d.addTaints(DeviceTaint.of("maint", r.nextBoolean() ? "true" : "", r.nextBoolean() ? "NoExecute" : "NoSchedule"));
          }
          if (r.nextInt(8) == 0) {
            d.bindsToNode(true).addBindingConditions("attached").addBindingFailureConditions("failed");
          } else if (r.nextInt(8) == 0) {
            d.bindsToNode(true);
          }
          if (how == 3) {
            int own = r.nextInt(3);
            if (own == 0) {
              d.nodeName(names.get(r.nextInt(names.size())));
            } else if (own == 1) {
              d.nodeSelector(zoneSelector(r));
            } else {
              d.allNodes(true);
            }
          }
          devices.add(d.build());
        }
        switch (how) {
          case 0 -> b.allNodes(true);
          case 1, 2 -> b.nodeSelector(how == 1 ? zoneSelector(r)
              : NodeSelectorTerm.builder().addMatchFields(NodeSelectorRequirement.of("metadata.name", NodeSelectorOperator.In, names.get(r.nextInt(names.size())))).build());
          default -> b.perDeviceNodeSelection(true);
        }
        slices.add(b.addAllDevices(devices).build());
      }
      if (slices.isEmpty() && r.nextBoolean()) {
        slices.add(ResourceSliceSpec.builder().name("fpga-all").driver(FPGA).pool("fabric-all").allNodes(true)
            .addDevices(Device.builder().name("fpga-0").build()).build());
      }

      // Claims allocated earlier: dedicated devices, admin access, shares of multi-allocatable devices.
      List<ResourceClaimSpec> allocated = new ArrayList<>();
      int shareCount = 0;
      for (ResourceSliceSpec s : slices) {
        for (Device d : s.devices()) {
          if (r.nextInt(6) != 0) {
            continue;
          }
          DeviceResult.Builder b = DeviceResult.builder().request("earlier").driver(s.driver()).pool(s.pool()).device(d.name());
          if (d.allowMultipleAllocations() && r.nextInt(4) > 0) {
            b.shareId(String.format("00000000-0000-4000-8000-%012d", ++shareCount));
            if (d.capacity().containsKey("memory")) {
              b.putConsumedCapacity("memory", Quantity.parse((10 * (1 + r.nextInt(2))) + "Gi"));
            }
          } else if (r.nextInt(5) == 0) {
            b.adminAccess(true);
          }
          allocated.add(ResourceClaimSpec.builder().name("earlier-" + allocated.size()).namespace(r.nextBoolean() ? "default" : "team-a")
              .devices(DeviceClaim.builder().addRequests(DeviceRequest.exactly("earlier", DeviceSelection.of("any", 1))).build())
              .allocation(AllocationResult.builder().addResults(b.build()).build()).build());
        }
      }

      int claimCount = 1 + r.nextInt(maxClaims);
      List<ResourceClaimSpec> claims = new ArrayList<>();
      List<ResourceClaimSpec> templates = new ArrayList<>();
      Optional<List<PodClaimRef>> pod = Optional.empty();
      if (r.nextInt(3) == 0) {
        List<PodClaimRef> refs = new ArrayList<>();
        for (int c = 0; c < claimCount; c++) {
          ResourceClaimSpec spec = clusterClaim("c" + c, maxRequests, r);
          if (r.nextBoolean()) {
            templates.add(spec.withName("tmpl-" + c).withTemplate(true));
            refs.add(new PodClaimRef("entry-" + c, "tmpl-" + c, true));
          } else {
            claims.add(spec.withName("claim-" + c));
            refs.add(new PodClaimRef("entry-" + c, "claim-" + c, false));
          }
        }
        if (!allocated.isEmpty() && r.nextInt(4) == 0) {
          ResourceClaimSpec done = allocated.get(r.nextInt(allocated.size()));
          if (done.namespace().equals("default")) {
            refs.add(r.nextInt(refs.size() + 1), new PodClaimRef("done", done.name(), false));
          }
        }
        pod = Optional.of(refs);
      } else {
        for (int c = 0; c < claimCount; c++) {
          claims.add(clusterClaim("claim-" + c, maxRequests, r));
        }
      }
      return new DraClusterCase(nodes, nodeObjects, slices, clusterClasses(), allocated, claims, templates, pod);
    };
  }

  private static NodeSelectorTerm zoneSelector(SplittableRandom r) {
    return switch (r.nextInt(3)) {
      case 0 -> NodeSelectorTerm.of(NodeSelectorRequirement.of(ZONE, NodeSelectorOperator.In, r.nextBoolean() ? "a" : "b"));
      case 1 -> NodeSelectorTerm.of(NodeSelectorRequirement.of("accel", NodeSelectorOperator.Exists));
      default -> NodeSelectorTerm.of(NodeSelectorRequirement.of(ZONE, NodeSelectorOperator.NotIn, "a"), NodeSelectorRequirement.of("accel", NodeSelectorOperator.DoesNotExist));
    };
  }

  private static Device clusterDevice(String name, boolean gpu, boolean counterHeavy, SplittableRandom r) {
    Device.Builder b = Device.builder().name(name);
    if (r.nextInt(6) > 0) {
      b.putAttribute(PCIE_ROOT, AttributeValue.ofString("r" + r.nextInt(3)));
    }
    if (r.nextInt(6) > 0) {
      b.putAttribute("numa", AttributeValue.ofInt(r.nextInt(2)));
    }
    if (gpu && r.nextInt(3) > 0) {
      b.putAttribute("model", AttributeValue.ofString(r.nextBoolean() ? "a100" : "h100"));
    }
    if (gpu && r.nextInt(3) == 0) {
      b.putAttribute("version", AttributeValue.ofVersion(List.of("1.2.0", "1.10.0", "1.2.3-rc.1").get(r.nextInt(3))));
    }
    if (gpu && r.nextBoolean()) {
      Quantity memory = Quantity.parse((10 * (1 + r.nextInt(4))) + "Gi");
      boolean multi = r.nextInt(3) == 0;
      b.allowMultipleAllocations(multi);
      if (multi && r.nextInt(3) > 0) {
        RequestPolicy.Builder p = RequestPolicy.builder().defaultValue(Quantity.parse("10Gi"));
        if (r.nextBoolean() && memory.compareTo(Quantity.parse("20Gi")) >= 0) {
          p.min(Quantity.parse("10Gi")).step(Quantity.parse("10Gi")).max(memory);
        } else if (r.nextBoolean()) {
          p.min(Quantity.parse("5Gi")).max(memory).defaultValue(Quantity.parse("5Gi"));
        } else {
          p.addValidValues(Quantity.parse("10Gi"));
          if (memory.compareTo(Quantity.parse("20Gi")) >= 0) {
            p.addValidValues(Quantity.parse("20Gi"));
          }
        }
        b.putCapacity("memory", DeviceCapacity.of(memory, p.build()));
      } else {
        b.putCapacity("memory", DeviceCapacity.of(memory.toString()));
      }
      if (r.nextInt(4) == 0) {
        b.putCapacity("slots", DeviceCapacity.of(String.valueOf(1 + r.nextInt(4))));
      }
      if (r.nextInt(3) == 0) {
        b.addConsumesCounters(CounterConsumption.of("mem", Map.of("memory", Quantity.parse((10 * (1 + r.nextInt(3))) + "Gi"))));
      }
    } else if (gpu && r.nextInt(3) == 0) {
      b.allowMultipleAllocations(true);
    } else if (!gpu && r.nextInt(3) < (counterHeavy ? 2 : 1)) {
      b.addConsumesCounters(CounterConsumption.of("mem", Map.of("memory", Quantity.parse("10Gi"))));
    }
    if (r.nextInt(7) == 0) {
      b.addTaints(DeviceTaint.of("maint", r.nextBoolean() ? "true" : "soon", List.of("NoSchedule", "NoExecute", "None").get(r.nextInt(3))));
    }
    return b.build();
  }

  private static ResourceClaimSpec clusterClaim(String name, int maxRequests, SplittableRandom r) {
    int n = 1 + r.nextInt(maxRequests);
    DeviceClaim.Builder b = DeviceClaim.builder();
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String req = "req-" + i;
      refs.add(req);
      if (r.nextInt(5) == 0) {
        int subs = 2 + r.nextInt(2);
        DeviceSubRequest[] list = new DeviceSubRequest[subs];
        for (int k = 0; k < subs; k++) {
          list[k] = DeviceSubRequest.of("s" + k, clusterSelection(r, false));
        }
        if (r.nextBoolean()) {
          refs.add(req + "/s" + r.nextInt(subs));
        }
        b.addRequests(DeviceRequest.firstAvailable(req, list));
      } else {
        b.addRequests(DeviceRequest.exactly(req, clusterSelection(r, true)));
      }
    }
    int constraints = r.nextInt(5) < 2 ? 1 + r.nextInt(2) : 0;
    for (int k = 0; k < constraints; k++) {
      String attribute = List.of(PCIE_ROOT, GPU + "/numa", FPGA + "/numa", GPU + "/model").get(r.nextInt(4));
      List<String> covered = new ArrayList<>();
      if (r.nextBoolean()) {
        for (String ref : refs) {
          if (r.nextBoolean()) {
            covered.add(ref);
          }
        }
      }
      b.addConstraints(r.nextInt(3) > 0 ? DeviceConstraint.match(attribute, covered.toArray(String[]::new))
          : DeviceConstraint.distinct(attribute, covered.toArray(String[]::new)));
    }
    return ResourceClaimSpec.builder().name(name).devices(b.build()).build();
  }

  private static DeviceSelection clusterSelection(SplittableRandom r, boolean mayAdmin) {
    String cls = List.of("gpu", "gpu", "nic", "fpga", "any", "big-gpu", "numa-strict", "missing").get(r.nextInt(r.nextInt(40) == 0 ? 8 : 6));
    DeviceSelection.Builder b = DeviceSelection.builder().deviceClassName(cls);
    if (r.nextInt(8) == 0) {
      b.allocationMode(AllocationMode.All);
    } else {
      b.count(r.nextInt(3) > 0 ? 1 : 1 + r.nextInt(r.nextInt(4) == 0 ? 3 : 2));
    }
    if (r.nextInt(5) < 2) {
      b.addSelectors(CLUSTER_SELECTORS.get(r.nextInt(r.nextInt(30) == 0 ? CLUSTER_SELECTORS.size() : CLUSTER_SELECTORS.size() - 1)));
    }
    if (r.nextInt(3) == 0) {
      DeviceToleration.Builder t = DeviceToleration.builder();
      switch (r.nextInt(4)) {
        case 0 -> t.key("maint").operator("Exists");
        case 1 -> t.key("maint").operator("Equal").value("true");
        case 2 -> t.operator("Exists").effect(r.nextBoolean() ? "NoSchedule" : "NoExecute");
        default -> t.key("maint").value("true").effect("NoExecute").tolerationSeconds(60L);
      }
      b.addTolerations(t.build());
    }
    if (!cls.equals("nic") && r.nextInt(6) == 0) {
      b.putCapacityRequest("memory", Quantity.parse(List.of("4Gi", "5Gi", "10Gi", "12Gi", "15Gi", "20Gi", "30Gi", "50Gi").get(r.nextInt(8))));
      if (r.nextInt(4) == 0) {
        b.putCapacityRequest("slots", Quantity.parse("1"));
      }
    }
    if (mayAdmin && r.nextInt(12) == 0) {
      b.adminAccess(true);
    }
    return b.build();
  }
}
