package dev.aiinfra.benchmarks.dra;

import dev.aiinfra.dra.model.AttributeValue;
import dev.aiinfra.dra.model.Device;
import dev.aiinfra.dra.model.DeviceCapacity;
import dev.aiinfra.dra.model.DeviceClaim;
import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.DeviceConstraint;
import dev.aiinfra.dra.model.DeviceRequest;
import dev.aiinfra.dra.model.DeviceSelection;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import dev.aiinfra.dra.policy.AllocatedDevices;
import dev.aiinfra.dra.policy.AllocationOutcome;
import dev.aiinfra.dra.policy.AllocatorFeatures;
import dev.aiinfra.dra.policy.DeviceAllocator;
import dev.aiinfra.dra.policy.DraCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The offline allocator on a claim for 8 GPUs + 8 NICs pairwise on one PCIe root, and on CEL
 * capacity selectors over 100 nodes × 64 devices; {@link DraSchedulerPerfBenchmark} has the
 * scheduler_perf shape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class DraAllocatorBenchmark {
  static final String DRIVER = "test-driver.cdi.k8s.io";
  /** kube-scheduler's numFeasibleNodesToFind for 500 nodes (adaptive 46 %, at least 100). */
  static final int FEASIBLE_NODES_TO_FIND = 230;

  private DraCluster pairs;
  private ResourceClaimSpec pairsClaim;
  private DraCluster capacity;
  private List<String> capacityNodes;
  private ResourceClaimSpec capacityClaim;

  /** createResourceDriver: one slice per node, pool = node, devices instance-i with model/family/driverVersion/numa and memory. */
  static DraCluster schedulerPerfCluster(int nodes, int devicesPerNode) {
    DraCluster.Builder b = DraCluster.builder()
        .addClasses(DeviceClassSpec.builder().name("test-class").addSelectors("device.driver == \"" + DRIVER + "\"").build());
    for (int n = 0; n < nodes; n++) {
      String node = "scheduler-perf-dra-" + n;
      ResourceSliceSpec.Builder s = ResourceSliceSpec.builder().name(node + "-" + DRIVER).driver(DRIVER).pool(node).nodeName(node);
      for (int i = 0; i < devicesPerNode; i++) {
        s.addDevices(Device.builder().name("instance-" + i)
            .putAttribute("model", AttributeValue.ofString("A100"))
            .putAttribute("family", AttributeValue.ofString("GPU"))
            .putAttribute("driverVersion", AttributeValue.ofVersion("1.2.3"))
            .putAttribute("dra.example.com/numa", AttributeValue.ofInt(i))
            .putCapacity("memory", DeviceCapacity.of("1Gi"))
            .build());
      }
      b.addSlices(s.build());
    }
    return b.build();
  }

  static ResourceClaimSpec templateClaim(String name) {
    return ResourceClaimSpec.builder().name(name)
        .devices(DeviceClaim.builder().addRequests(DeviceRequest.exactly("req-0", DeviceSelection.of("test-class", 1))).build())
        .build();
  }

  @Setup
  public void setUp() {
    // 8 GPUs and 8 NICs on one node; NIC i sits on the root of GPU 7-i, so first-fit must search.
    ResourceSliceSpec.Builder gpus = ResourceSliceSpec.builder().name("gpus").driver("gpu.example.com").pool("n").nodeName("n");
    ResourceSliceSpec.Builder nics = ResourceSliceSpec.builder().name("nics").driver("nic.example.com").pool("n").nodeName("n");
    for (int i = 0; i < 8; i++) {
      gpus.addDevices(Device.builder().name("gpu-" + i).putAttribute("resource.kubernetes.io/pcieRoot", AttributeValue.ofString("pci000" + i + ":00")).build());
      nics.addDevices(Device.builder().name("nic-" + i).putAttribute("resource.kubernetes.io/pcieRoot", AttributeValue.ofString("pci000" + (7 - i) + ":00")).build());
    }
    pairs = DraCluster.builder().addSlices(gpus.build(), nics.build())
        .addClasses(DeviceClassSpec.builder().name("gpu").addSelectors("device.driver == \"gpu.example.com\"").build(),
            DeviceClassSpec.builder().name("nic").addSelectors("device.driver == \"nic.example.com\"").build())
        .build();
    DeviceClaim.Builder pairDevices = DeviceClaim.builder();
    for (int i = 0; i < 8; i++) {
      pairDevices.addRequests(DeviceRequest.exactly("gpu-" + i, DeviceSelection.of("gpu", 1)), DeviceRequest.exactly("nic-" + i, DeviceSelection.of("nic", 1)));
      pairDevices.addConstraints(DeviceConstraint.match("resource.kubernetes.io/pcieRoot", "gpu-" + i, "nic-" + i));
    }
    pairsClaim = ResourceClaimSpec.builder().name("pairs").devices(pairDevices.build()).build();

    // 100 nodes x 64 devices with memory 10..80Gi; the claim wants 4 devices of at least 60Gi.
    DraCluster.Builder cap = DraCluster.builder()
        .addClasses(DeviceClassSpec.builder().name("gpu").addSelectors("device.driver == \"gpu.example.com\"").build());
    for (int n = 0; n < 100; n++) {
      String node = "node-" + n;
      ResourceSliceSpec.Builder s = ResourceSliceSpec.builder().name(node).driver("gpu.example.com").pool(node).nodeName(node);
      for (int i = 0; i < 64; i++) {
        s.addDevices(Device.builder().name("gpu-" + i).putCapacity("memory", DeviceCapacity.of((10 * (1 + (i * 7 + n) % 8)) + "Gi")).build());
      }
      cap.addSlices(s.build());
    }
    capacity = cap.build();
    capacityNodes = new ArrayList<>(capacity.nodeNames());
    capacityClaim = ResourceClaimSpec.builder().name("big-gpus")
        .devices(DeviceClaim.builder().addRequests(DeviceRequest.exactly("gpus", DeviceSelection.builder().deviceClassName("gpu").count(4)
            .addSelectors("device.capacity[\"gpu.example.com\"].memory.compareTo(quantity(\"60Gi\")) >= 0").build())).build())
        .build();
  }

  /**
   * Schedules {@code pods} one-device pods in turn like kube-scheduler's Filter: from a rotating
   * start node, try nodes until {@link #FEASIBLE_NODES_TO_FIND} are feasible or all were tried,
   * take the first feasible one and record its allocation. Returns the number placed.
   */
  static int schedule(DeviceAllocator allocator, List<String> nodes, int pods) {
    AllocatedDevices state = AllocatedDevices.none();
    int start = 0;
    int placed = 0;
    for (int p = 0; p < pods; p++) {
      List<ResourceClaimSpec> claims = List.of(templateClaim("pod-" + p + "-claim"));
      AllocationOutcome chosen = null;
      int feasible = 0;
      int tried = 0;
      for (; tried < nodes.size() && feasible < FEASIBLE_NODES_TO_FIND; tried++) {
        AllocationOutcome o = allocator.allocate(nodes.get((start + tried) % nodes.size()), claims, state);
        if (o.satisfiable()) {
          feasible++;
          if (chosen == null) {
            chosen = o;
          }
        }
      }
      start = (start + tried) % nodes.size();
      if (chosen != null) {
        state.record(chosen.claims().get(0).allocation());
        placed++;
      }
    }
    return placed;
  }

  /** One claim of 8 GPUs + 8 NICs, pairwise on one PCIe root, on a 16-device node. */
  @Benchmark
  public AllocationOutcome gpuNicPairsOn16Devices() {
    return DeviceAllocator.of(pairs, AllocatorFeatures.all()).allocate("n", List.of(pairsClaim), AllocatedDevices.none());
  }

  /** One pod's capacity-selector claim filtered on all 100 nodes × 64 devices with a fresh allocator (every selector evaluated). */
  @Benchmark
  public int capacitySelectorsOn100NodesCold() {
    DeviceAllocator allocator = DeviceAllocator.of(capacity, AllocatorFeatures.all());
    int feasible = 0;
    for (String n : capacityNodes) {
      feasible += allocator.allocate(n, List.of(capacityClaim), AllocatedDevices.none()).satisfiable() ? 1 : 0;
    }
    return feasible;
  }
}
