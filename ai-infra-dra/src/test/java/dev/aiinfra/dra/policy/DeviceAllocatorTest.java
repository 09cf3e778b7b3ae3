package dev.aiinfra.dra.policy;

import static dev.aiinfra.dra.policy.Hardware.GPU_DRIVER;
import static dev.aiinfra.dra.policy.Hardware.NIC_DRIVER;
import static dev.aiinfra.dra.policy.Hardware.PCIE_ROOT;
import static dev.aiinfra.dra.policy.Hardware.allocate;
import static dev.aiinfra.dra.policy.Hardware.claim;
import static dev.aiinfra.dra.policy.Hardware.cluster;
import static dev.aiinfra.dra.policy.Hardware.exactly;
import static dev.aiinfra.dra.policy.Hardware.gpu;
import static dev.aiinfra.dra.policy.Hardware.nic;
import static dev.aiinfra.dra.policy.Hardware.q;
import static dev.aiinfra.dra.policy.Hardware.slice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.node.NodeSelectorOperator;
import dev.aiinfra.core.model.node.NodeSelectorRequirement;
import dev.aiinfra.core.model.node.NodeSelectorTerm;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.KubernetesVersion;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceAllocatorTest {

  private static List<String> devices(AllocationOutcome o, int claim) {
    return o.claims().get(claim).allocation().results().stream().map(DeviceResult::device).toList();
  }

  private static List<String> codes(AllocationOutcome o) {
    return o.reasons().stream().map(Diagnostic::code).toList();
  }

  private static ResourceClaimSpec gpuAndNicOnOneRoot() {
    return ResourceClaimSpec.builder().name("train")
        .devices(DeviceClaim.builder()
            .addRequests(exactly("gpu", "gpu", 1), exactly("nic", "nic", 1))
            .addConstraints(DeviceConstraint.match(PCIE_ROOT))
            .build())
        .build();
  }

  @Test
  void allocates_the_first_matching_device_and_pins_the_claim_to_the_node() {
    DraCluster c = cluster(slice("n1-gpu", GPU_DRIVER, "n1", gpu("gpu-0", "pci0000:00"), gpu("gpu-1", "pci0000:01")));
    AllocationOutcome o = allocate(c, "n1", claim("one", exactly("gpu", "gpu", 1)));
    assertThat(o.status()).isEqualTo(AllocationStatus.ALLOCATED);
    DeviceResult r = o.claims().get(0).allocation().results().get(0);
    assertThat(r.request()).isEqualTo("gpu");
    assertThat(r.driver()).isEqualTo(GPU_DRIVER);
    assertThat(r.pool()).isEqualTo("n1");
    assertThat(r.device()).isEqualTo("gpu-0");
    assertThat(o.claims().get(0).allocation().nodeSelector()).contains(NodeSelectorTerm.builder()
        .addMatchFields(NodeSelectorRequirement.of("metadata.name", NodeSelectorOperator.In, "n1")).build());
  }

  @Test
  void searches_pools_by_driver_and_pool_name_and_slices_by_name() {
    DraCluster c = DraCluster.builder().addAllClasses(List.of(Hardware.driverClass("any", "b.example.com"),
            dev.aiinfra.dra.model.DeviceClassSpec.builder().name("all").build()))
        .addSlices(
            ResourceSliceSpec.builder().name("z").driver("b.example.com").pool("p").resourceSliceCount(2).nodeName("n1").addDevices(gpu("in-z", "r")).build(),
            ResourceSliceSpec.builder().name("a").driver("b.example.com").pool("p").resourceSliceCount(2).nodeName("n1").addDevices(gpu("in-a", "r")).build(),
            slice("s", "a.example.com", "n1", gpu("first-driver", "r")))
        .build();
    assertThat(devices(allocate(c, "n1", claim("c", exactly("d", "all", 1))), 0)).containsExactly("first-driver");
    assertThat(devices(allocate(c, "n1", claim("c", exactly("d", "any", 2))), 0)).containsExactly("in-a", "in-z");
  }

  @Test
  void class_and_request_selectors_must_both_hold() {
    DraCluster c = cluster(slice("s", GPU_DRIVER, "n1", gpu("gpu-0", "r0"),
        Device.builder().from(gpu("gpu-1", "r1")).putAttribute("model", AttributeValue.ofString("b200")).build()));
    DeviceRequest r = DeviceRequest.exactly("gpu", DeviceSelection.builder().deviceClassName("gpu")
        .addSelectors("device.attributes[\"gpu.example.com\"].model == \"b200\"").build());
    assertThat(devices(allocate(c, "n1", claim("c", r)), 0)).containsExactly("gpu-1");
  }

  @Test
  void cel_selectors_compare_quantities_and_versions() {
    Device small = Device.builder().name("small").putAttribute("driverVersion", AttributeValue.ofVersion("1.9.0"))
        .putCapacity("memory", DeviceCapacity.of("40G")).build();
    Device big = Device.builder().name("big").putAttribute("driverVersion", AttributeValue.ofVersion("1.10.0"))
        .putCapacity("memory", DeviceCapacity.of("40Gi")).build();
    DraCluster c = cluster(slice("s", GPU_DRIVER, "n1", small, big));
    DeviceRequest r = DeviceRequest.exactly("gpu", DeviceSelection.builder().deviceClassName("gpu")
        .addSelectors("device.capacity[\"gpu.example.com\"].memory.compareTo(quantity(\"40G\")) > 0")
        .addSelectors("device.attributes[\"gpu.example.com\"].driverVersion.isGreaterThan(semver(\"1.9.0\"))").build());
    assertThat(devices(allocate(c, "n1", claim("c", r)), 0)).containsExactly("big");
  }

  @Test
  void a_cel_runtime_error_is_fatal_not_no_match() {
    DraCluster c = cluster(slice("s", GPU_DRIVER, "n1", gpu("gpu-0", "r0")));
    DeviceRequest r = DeviceRequest.exactly("gpu", DeviceSelection.builder().deviceClassName("gpu")
        .addSelectors("device.attributes[\"gpu.example.com\"].missing == 1").build());
    AllocationOutcome o = allocate(c, "n1", claim("c", r));
    assertThat(o.status()).isEqualTo(AllocationStatus.FATAL);
    assertThat(o.error().orElseThrow()).contains("missing");
    assertThat(codes(o)).containsExactly("DRA_FATAL");
  }

  @Test
  void a_cel_runtime_error_names_the_claim_request_selector_and_device() {
    DraCluster c = cluster(slice("s", GPU_DRIVER, "n1", gpu("gpu-0", "r0")));
    DeviceRequest r = DeviceRequest.exactly("gpu", DeviceSelection.builder().deviceClassName("gpu")
        .addSelectors("device.driver != \"\"", "device.attributes[\"gpu.example.com\"].missing == 1").build());
    assertThat(allocate(c, "n1", claim("c", r)).error().orElseThrow())
        .startsWith("claim default/c, request gpu: selector #1, device gpu.example.com/n1/gpu-0: CEL runtime error evaluating "
            + "device.attributes[\"gpu.example.com\"].missing == 1: ");
  }

  @Test
  void a_cel_runtime_error_in_a_class_selector_names_the_class_and_the_request_using_it() {
    DraCluster c = DraCluster.builder().addSlices(slice("s", GPU_DRIVER, "n1", gpu("gpu-0", "r0")))
        .addClasses(DeviceClassSpec.builder().name("broken").addSelectors("device.attributes[\"gpu.example.com\"].missing == 1").build()).build();
    assertThat(allocate(c, "n1", claim("c", exactly("gpu", "broken", 1))).error().orElseThrow())
        .startsWith("class broken: selector #0 (claim default/c, request gpu), device gpu.example.com/n1/gpu-0: CEL runtime error evaluating ");
  }

  @Test
  void an_unknown_domain_is_an_empty_map() {
    DraCluster c = cluster(slice("s", GPU_DRIVER, "n1", gpu("gpu-0", "r0")));
    DeviceRequest r = DeviceRequest.exactly("gpu", DeviceSelection.builder().deviceClassName("gpu")
        .addSelectors("!(\"other.io\" in device.attributes) && device.attributes[\"other.io\"].size() == 0").build());
    assertThat(allocate(c, "n1", claim("c", r)).satisfiable()).isTrue();
  }

  @Test
  void an_unknown_device_class_is_fatal() {
    DraCluster c = cluster(slice("s", GPU_DRIVER, "n1", gpu("gpu-0", "r0")));
    AllocationOutcome o = allocate(c, "n1", claim("c", exactly("gpu", "no-such-class", 1)));
    assertThat(o.fatal()).isTrue();
    assertThat(o.error().orElseThrow()).contains("could not retrieve device class no-such-class");
  }

  @Test
  void match_attribute_backtracks_to_a_gpu_and_nic_on_the_same_pcie_root() {
    DraCluster c = cluster(
        slice("g", GPU_DRIVER, "n1", gpu("gpu-0", "pci0000:00"), gpu("gpu-1", "pci0000:01")),
        slice("n", NIC_DRIVER, "n1", nic("nic-0", "pci0000:01")));
    AllocationOutcome o = allocate(c, "n1", gpuAndNicOnOneRoot());
    assertThat(devices(o, 0)).containsExactly("gpu-1", "nic-0");
  }

  @Test
  void match_attribute_names_the_constraint_when_no_pair_aligns() {
    DraCluster c = cluster(
        slice("g", GPU_DRIVER, "n1", gpu("gpu-0", "pci0000:00")),
        slice("n", NIC_DRIVER, "n1", nic("nic-0", "pci0000:01")));
    AllocationOutcome o = allocate(c, "n1", gpuAndNicOnOneRoot());
    assertThat(o.status()).isEqualTo(AllocationStatus.UNSATISFIABLE);
    assertThat(codes(o)).containsExactly("DRA_CONSTRAINT_UNSATISFIED");
    assertThat(o.reasons().get(0).message()).contains("matchAttribute " + PCIE_ROOT);
  }

  @Test
  void match_attribute_rejects_a_device_without_the_attribute() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", Device.builder().name("bare").build(), gpu("gpu-1", "r")));
    ResourceClaimSpec claim = ResourceClaimSpec.builder().name("c").devices(DeviceClaim.builder()
        .addRequests(exactly("gpu", "gpu", 1)).addConstraints(DeviceConstraint.match(PCIE_ROOT)).build()).build();
    assertThat(devices(allocate(c, "n1", claim), 0)).containsExactly("gpu-1");
  }

  @Test
  void an_unqualified_attribute_belongs_to_the_drivers_domain_only() {
    Device g0 = Device.builder().name("g0").putAttribute("numa", AttributeValue.ofInt(0)).build();
    Device g1 = Device.builder().name("g1").putAttribute("numa", AttributeValue.ofInt(1)).build();
    Device n0 = Device.builder().name("n0").putAttribute("numa", AttributeValue.ofInt(1)).build();
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", g0, g1), slice("n", NIC_DRIVER, "n1", n0));
    ResourceClaimSpec twoGpus = ResourceClaimSpec.builder().name("c").devices(DeviceClaim.builder()
        .addRequests(exactly("gpu", "gpu", 1), exactly("gpu2", "gpu", 1))
        .addConstraints(DeviceConstraint.match("gpu.example.com/numa")).build()).build();
    assertThat(allocate(c, "n1", twoGpus).satisfiable()).isFalse();
    ResourceClaimSpec gpuAndNic = ResourceClaimSpec.builder().name("c").devices(DeviceClaim.builder()
        .addRequests(exactly("gpu", "gpu", 1), exactly("nic", "nic", 1))
        .addConstraints(DeviceConstraint.match("gpu.example.com/numa", "gpu")).build()).build();
    assertThat(devices(allocate(c, "n1", gpuAndNic), 0)).containsExactly("g0", "n0");
  }

  @Test
  void match_attribute_compares_type_and_value() {
    Device a = Device.builder().name("a").putAttribute("gpu.example.com/x", AttributeValue.ofInt(0)).build();
    Device b = Device.builder().name("b").putAttribute("gpu.example.com/x", AttributeValue.ofString("0")).build();
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", a, b));
    ResourceClaimSpec claim = ResourceClaimSpec.builder().name("c").devices(DeviceClaim.builder()
        .addRequests(exactly("gpu", "gpu", 2)).addConstraints(DeviceConstraint.match("gpu.example.com/x")).build()).build();
    assertThat(allocate(c, "n1", claim).satisfiable()).isFalse();
  }

  @Test
  void distinct_attribute_gives_devices_with_pairwise_different_values() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1",
        gpu("a", "r0"), gpu("b", "r0"), gpu("c", "r1"), gpu("d", "r1"), gpu("e", "r2")));
    ResourceClaimSpec claim = ResourceClaimSpec.builder().name("c").devices(DeviceClaim.builder()
        .addRequests(exactly("gpu", "gpu", 3)).addConstraints(DeviceConstraint.distinct(PCIE_ROOT)).build()).build();
    assertThat(devices(allocate(c, "n1", claim), 0)).containsExactly("a", "c", "e");
  }

  @Test
  void distinct_attribute_remembers_every_value_across_backtracking() {
    // Upstream keeps one value per request; with values 1,2,1 and the 2 wanted by a later
    // request it could hand out 1 twice. Ours never repeats a value.
    Device a = gpu("a", "r1");
    Device b = gpu("b", "r2");
    Device cdev = gpu("c", "r1");
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", a, b, cdev));
    DeviceRequest second = DeviceRequest.exactly("second", DeviceSelection.builder().deviceClassName("gpu")
        .addSelectors("device.attributes[\"resource.kubernetes.io\"].pcieRoot == \"r2\"").build());
    ResourceClaimSpec claim = ResourceClaimSpec.builder().name("c").devices(DeviceClaim.builder()
        .addRequests(exactly("first", "gpu", 2), second)
        .addConstraints(DeviceConstraint.distinct(PCIE_ROOT, "first")).build()).build();
    AllocationOutcome o = allocate(c, "n1", claim);
    assertThat(o.satisfiable()).isFalse();
  }

  @Test
  void all_mode_takes_every_matching_device() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", gpu("a", "r"), gpu("b", "r")), slice("n", NIC_DRIVER, "n1", nic("x", "r")));
    DeviceRequest all = DeviceRequest.exactly("gpus", DeviceSelection.builder().deviceClassName("gpu").allocationMode(AllocationMode.All).build());
    assertThat(devices(allocate(c, "n1", claim("c", all)), 0)).containsExactly("a", "b");
  }

  @Test
  void all_mode_fails_when_one_matching_device_is_in_use() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", gpu("a", "r"), gpu("b", "r")));
    AllocatedDevices used = AllocatedDevices.none().record(AllocationResult.builder()
        .addResults(DeviceResult.builder().request("x").driver(GPU_DRIVER).pool("n1").device("b").build()).build());
    DeviceRequest all = DeviceRequest.exactly("gpus", DeviceSelection.builder().deviceClassName("gpu").allocationMode(AllocationMode.All).build());
    AllocationOutcome o = DeviceAllocator.of(c, AllocatorFeatures.all()).allocate("n1", List.of(claim("c", all)), used);
    assertThat(o.status()).isEqualTo(AllocationStatus.UNSATISFIABLE);
    assertThat(codes(o)).containsExactly("DRA_DEVICES_IN_USE");
  }

  @Test
  void all_mode_is_fatal_when_any_visible_pool_is_incomplete() {
    ResourceSliceSpec partial = ResourceSliceSpec.builder().name("n").driver(NIC_DRIVER).pool("n1").resourceSliceCount(2)
        .nodeName("n1").addDevices(nic("x", "r")).build();
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", gpu("a", "r")), partial);
    DeviceRequest all = DeviceRequest.exactly("gpus", DeviceSelection.builder().deviceClassName("gpu").allocationMode(AllocationMode.All).build());
    AllocationOutcome o = allocate(c, "n1", claim("c", all));
    assertThat(o.fatal()).isTrue();
    assertThat(o.error().orElseThrow()).contains("incomplete");
    assertThat(allocate(c, "n1", claim("c", exactly("gpu", "gpu", 1))).satisfiable()).isTrue();
  }

  @Test
  void all_mode_constraint_violation_is_fatal() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", gpu("a", "r0"), gpu("b", "r1")));
    DeviceRequest all = DeviceRequest.exactly("gpus", DeviceSelection.builder().deviceClassName("gpu").allocationMode(AllocationMode.All).build());
    ResourceClaimSpec claim = ResourceClaimSpec.builder().name("c").devices(DeviceClaim.builder()
        .addRequests(all).addConstraints(DeviceConstraint.match(PCIE_ROOT)).build()).build();
    AllocationOutcome o = allocate(c, "n1", claim);
    assertThat(o.fatal()).isTrue();
    assertThat(o.error().orElseThrow()).contains("cannot add device");
  }

  @Test
  void first_available_falls_back_to_the_next_subrequest_and_names_it() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", gpu("a", "r")));
    DeviceRequest r = DeviceRequest.firstAvailable("gpu",
        DeviceSubRequest.of("two", DeviceSelection.of("gpu", 2)),
        DeviceSubRequest.of("one", DeviceSelection.of("gpu", 1)));
    AllocationOutcome o = allocate(c, "n1", claim("c", r));
    assertThat(o.claims().get(0).allocation().results().get(0).request()).isEqualTo("gpu/one");
  }

  @Test
  void first_available_backtracks_when_a_later_claim_needs_the_devices() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", gpu("a", "r"), gpu("b", "r")));
    DeviceRequest flexible = DeviceRequest.firstAvailable("gpu",
        DeviceSubRequest.of("two", DeviceSelection.of("gpu", 2)),
        DeviceSubRequest.of("one", DeviceSelection.of("gpu", 1)));
    AllocationOutcome o = allocate(c, "n1", claim("first", flexible), claim("second", exactly("gpu", "gpu", 1)));
    assertThat(devices(o, 0)).containsExactly("a");
    assertThat(devices(o, 1)).containsExactly("b");
  }

  @Test
  void first_available_with_the_gate_off_is_fatal() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", gpu("a", "r")));
    DeviceRequest r = DeviceRequest.firstAvailable("gpu", DeviceSubRequest.of("one", DeviceSelection.of("gpu", 1)));
    ClusterProfile p = ClusterProfile.of(KubernetesVersion.parse("1.36")).withFeatureGates("DRAPrioritizedList=false");
    AllocationOutcome o = DeviceAllocator.of(c, p).allocate("n1", List.of(claim("c", r)), AllocatedDevices.none());
    assertThat(o.fatal()).isTrue();
  }

  @Test
  void allocated_devices_are_not_given_again_but_admin_access_may_use_them() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", gpu("a", "r")));
    AllocatedDevices used = AllocatedDevices.none().record(AllocationResult.builder()
        .addResults(DeviceResult.builder().request("x").driver(GPU_DRIVER).pool("n1").device("a").build()).build());
    DeviceAllocator allocator = DeviceAllocator.of(c, AllocatorFeatures.all());
    assertThat(allocator.allocate("n1", List.of(claim("c", exactly("gpu", "gpu", 1))), used).satisfiable()).isFalse();
    DeviceRequest admin = DeviceRequest.exactly("gpu", DeviceSelection.builder().deviceClassName("gpu").adminAccess(true).build());
    AllocationOutcome o = allocator.allocate("n1", List.of(claim("monitor", admin)), used);
    assertThat(o.claims().get(0).allocation().results().get(0).adminAccess()).isTrue();
  }

  @Test
  void admin_access_may_take_a_shareable_device_its_own_claim_already_holds() {
    // Upstream marks only non-shareable devices as taken by their claim (conformance DRA case 000943).
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", Device.builder().name("gpu-4").allowMultipleAllocations(true).build()));
    DeviceRequest admin = DeviceRequest.exactly("watch", DeviceSelection.builder().deviceClassName("gpu").adminAccess(true).build());
    AllocationOutcome o = DeviceAllocator.of(c, AllocatorFeatures.all())
        .allocate("n1", List.of(claim("c", exactly("use", "gpu", 1), admin)), AllocatedDevices.none());
    assertThat(devices(o, 0)).containsExactly("gpu-4", "gpu-4");
    assertThat(o.claims().get(0).allocation().results()).allSatisfy(r -> assertThat(r.shareId()).isPresent());
  }

  @Test
  void admin_access_may_not_take_a_dedicated_device_its_own_claim_already_holds() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", gpu("a", "r")));
    DeviceRequest admin = DeviceRequest.exactly("watch", DeviceSelection.builder().deviceClassName("gpu").adminAccess(true).build());
    AllocationOutcome o = DeviceAllocator.of(c, AllocatorFeatures.all())
        .allocate("n1", List.of(claim("c", exactly("use", "gpu", 1), admin)), AllocatedDevices.none());
    assertThat(o.satisfiable()).isFalse();
  }

  @Test
  void devices_are_not_shared_between_claims_of_one_pod() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", gpu("a", "r"), gpu("b", "r")));
    AllocationOutcome o = allocate(c, "n1", claim("c1", exactly("gpu", "gpu", 1)), claim("c2", exactly("gpu", "gpu", 1)));
    assertThat(devices(o, 0)).containsExactly("a");
    assertThat(devices(o, 1)).containsExactly("b");
    assertThat(allocate(c, "n1", claim("c1", exactly("gpu", "gpu", 2)), claim("c2", exactly("gpu", "gpu", 1))).satisfiable()).isFalse();
  }

  @Test
  void no_schedule_taints_block_unless_tolerated() {
    Device tainted = Device.builder().from(gpu("a", "r")).addTaints(DeviceTaint.of("maintenance", "true", "NoSchedule")).build();
    Device informational = Device.builder().from(gpu("b", "r")).addTaints(DeviceTaint.of("note", "x", "None")).build();
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", tainted, informational));
    assertThat(devices(allocate(c, "n1", claim("c", exactly("gpu", "gpu", 1))), 0)).containsExactly("b");
    DeviceRequest tolerant = DeviceRequest.exactly("gpu", DeviceSelection.builder().deviceClassName("gpu")
        .addTolerations(DeviceToleration.builder().key("maintenance").operator("Exists").build()).build());
    AllocationOutcome o = allocate(c, "n1", claim("c", tolerant));
    assertThat(devices(o, 0)).containsExactly("a");
    assertThat(o.claims().get(0).allocation().results().get(0).tolerations()).hasSize(1);
  }

  @Test
  void taints_are_ignored_with_the_gate_off() {
    Device tainted = Device.builder().from(gpu("a", "r")).addTaints(DeviceTaint.of("maintenance", "true", "NoExecute")).build();
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", tainted));
    ClusterProfile p = ClusterProfile.of(KubernetesVersion.parse("1.35"));
    assertThat(DeviceAllocator.of(c, p).allocate("n1", List.of(claim("c", exactly("gpu", "gpu", 1))), AllocatedDevices.none()).satisfiable()).isTrue();
  }

  private static ResourceSliceSpec partitions(String driver, String pool, String node, long memoryGi) {
    Device whole = Device.builder().name("whole").addConsumesCounters(CounterConsumption.of("gpu-0", Map.of("memory", q("80Gi")))).build();
    Device half1 = Device.builder().name("half-1").addConsumesCounters(CounterConsumption.of("gpu-0", Map.of("memory", q("40Gi")))).build();
    Device half2 = Device.builder().name("half-2").addConsumesCounters(CounterConsumption.of("gpu-0", Map.of("memory", q("40Gi")))).build();
    return ResourceSliceSpec.builder().name(pool + "-" + driver.substring(0, 1) + "-devices").driver(driver).pool(pool).resourceSliceCount(2)
        .nodeName(node).addDevices(whole, half1, half2).build();
  }

  private static ResourceSliceSpec counters(String driver, String pool, String node, long memoryGi) {
    return ResourceSliceSpec.builder().name(pool + "-" + driver.substring(0, 1) + "-counters").driver(driver).pool(pool).resourceSliceCount(2)
        .nodeName(node).addSharedCounters(CounterSet.of("gpu-0", Map.of("memory", q(memoryGi + "Gi")))).build();
  }

  @Test
  void partitions_share_their_pools_counters() {
    DraCluster c = cluster(partitions(GPU_DRIVER, "n1", "n1", 80), counters(GPU_DRIVER, "n1", "n1", 80));
    AllocationOutcome o = allocate(c, "n1", claim("c1", exactly("gpu", "gpu", 2)));
    assertThat(devices(o, 0)).containsExactly("half-1", "half-2");
    AllocatedDevices used = AllocatedDevices.of(List.of(o.claims().get(0).allocatedClaim()));
    AllocationOutcome next = DeviceAllocator.of(c, AllocatorFeatures.all()).allocate("n1", List.of(claim("c2", exactly("gpu", "gpu", 1))), used);
    assertThat(next.satisfiable()).isFalse();
    assertThat(codes(next)).containsExactly("DRA_NOT_ENOUGH_DEVICES");
  }

  @Test
  void counters_of_equally_named_pools_of_two_drivers_are_separate() {
    // Upstream keys counters by pool name only; here the NIC driver's pool "n1" has its own.
    DraCluster c = cluster(partitions(GPU_DRIVER, "n1", "n1", 80), counters(GPU_DRIVER, "n1", "n1", 80),
        partitions(NIC_DRIVER, "n1", "n1", 80), counters(NIC_DRIVER, "n1", "n1", 80));
    AllocationOutcome o = allocate(c, "n1", claim("c", exactly("gpu", "gpu", 1), exactly("nic", "nic", 1)));
    assertThat(devices(o, 0)).containsExactly("whole", "whole");
  }

  @Test
  void an_incomplete_pool_with_counters_on_another_node_fails_all_mode_here_too() {
    // kube-scheduler treats every slice of shared counters as relevant for every node: the pool of
    // n2 (counters published, devices missing) is visible, incomplete, on n1.
    ResourceSliceSpec n2Counters = ResourceSliceSpec.builder().name("n2-counters").driver(GPU_DRIVER).pool("n2").resourceSliceCount(2)
        .nodeName("n2").addSharedCounters(CounterSet.of("gpu-0", Map.of("memory", q("80Gi")))).build();
    DraCluster c = cluster(slice("n1-gpus", GPU_DRIVER, "n1", gpu("gpu-0", "r0")), n2Counters);
    DeviceRequest all = DeviceRequest.exactly("all", DeviceSelection.builder().deviceClassName("gpu").allocationMode(AllocationMode.All).build());
    AllocationOutcome o = allocate(c, "n1", claim("c", all));
    assertThat(o.status()).isEqualTo(AllocationStatus.FATAL);
    assertThat(o.error().orElseThrow()).contains("n2");
    assertThat(devices(allocate(c, "n1", claim("c", exactly("gpu", "gpu", 1))), 0)).containsExactly("gpu-0");
  }

  @Test
  void a_cel_error_is_fatal_even_when_too_few_devices_remain_for_the_request() {
    // Two devices are asked for and only one exists: the scheduler still evaluates the selector on
    // it, and its runtime error aborts the pod.
    DraCluster c = cluster(slice("s", GPU_DRIVER, "n1", gpu("gpu-0", "r0")));
    DeviceRequest r = DeviceRequest.exactly("gpu", DeviceSelection.builder().deviceClassName("gpu").count(2)
        .addSelectors("device.attributes[\"gpu.example.com\"].missing == 1").build());
    assertThat(allocate(c, "n1", claim("c", r)).status()).isEqualTo(AllocationStatus.FATAL);
  }

  @Test
  void a_cel_error_on_a_device_the_search_never_reaches_is_not_fatal() {
    // The first claim cannot be met, so the scheduler never evaluates the second claim's selector;
    // explaining the "no" must not turn that selector's runtime error into a fatal error.
    DraCluster c = cluster(slice("s", GPU_DRIVER, "n1", gpu("gpu-0", "r0")));
    DeviceRequest failing = DeviceRequest.exactly("gpu", DeviceSelection.builder().deviceClassName("gpu")
        .addSelectors("device.attributes[\"gpu.example.com\"].missing == 1").build());
    AllocationOutcome o = allocate(c, "n1", claim("first", exactly("gpu", "gpu", 2)), claim("second", failing));
    assertThat(o.status()).isEqualTo(AllocationStatus.UNSATISFIABLE);
    assertThat(o.error()).isEmpty();
  }

  @Test
  void partitions_are_unusable_with_the_gate_off() {
    DraCluster c = cluster(partitions(GPU_DRIVER, "n1", "n1", 80), counters(GPU_DRIVER, "n1", "n1", 80));
    ClusterProfile p = ClusterProfile.of(KubernetesVersion.parse("1.35"));
    assertThat(DeviceAllocator.of(c, p).allocate("n1", List.of(claim("c", exactly("gpu", "gpu", 1))), AllocatedDevices.none()).satisfiable()).isFalse();
  }

  private static Device sharedGpu(String name) {
    RequestPolicy policy = RequestPolicy.builder().defaultValue(q("8Gi")).min(q("8Gi")).max(q("80Gi")).step(q("8Gi")).build();
    return Device.builder().name(name).allowMultipleAllocations(true)
        .putCapacity("memory", DeviceCapacity.of(q("80Gi"), policy)).build();
  }

  @Test
  void all_mode_leaves_out_shared_devices_whose_capacity_is_already_used_up() {
    // gpu-1 shares its whole memory with an allocated claim: "all" matching devices are gpu-0 only.
    Device full = Device.builder().name("gpu-1").allowMultipleAllocations(true).putCapacity("memory", DeviceCapacity.of("80Gi")).build();
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", sharedGpu("gpu-0"), full));
    ResourceClaimSpec earlier = ResourceClaimSpec.builder().name("earlier")
        .devices(DeviceClaim.builder().addRequests(exactly("m", "gpu", 1)).build())
        .allocation(AllocationResult.builder().addResults(DeviceResult.builder().request("m").driver(GPU_DRIVER).pool("n1").device("gpu-1")
            .shareId("00000000-0000-4000-8000-000000000001").putConsumedCapacity("memory", q("40Gi")).build()).build())
        .build();
    DeviceRequest all = DeviceRequest.exactly("all", DeviceSelection.builder().deviceClassName("gpu").allocationMode(AllocationMode.All).build());
    AllocationOutcome o = DeviceAllocator.of(c, AllocatorFeatures.all()).allocate("n1", List.of(claim("c", all)), AllocatedDevices.of(List.of(earlier)));
    assertThat(devices(o, 0)).containsExactly("gpu-0");
  }

  private static DeviceRequest memory(String name, String amount) {
    return DeviceRequest.exactly(name, DeviceSelection.builder().deviceClassName("gpu").putCapacityRequest("memory", q(amount)).build());
  }

  @Test
  void a_shared_device_serves_requests_until_its_capacity_is_used_up_rounding_by_step() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", sharedGpu("gpu-0")));
    AllocationOutcome o = allocate(c, "n1", claim("a", memory("m", "20Gi")), claim("b", memory("m", "57Gi")));
    assertThat(o.satisfiable()).isFalse();
    AllocationOutcome fits = allocate(c, "n1", claim("a", memory("m", "20Gi")), claim("b", memory("m", "48Gi")));
    DeviceResult first = fits.claims().get(0).allocation().results().get(0);
    assertThat(first.consumedCapacity()).containsEntry("memory", q("24Gi"));
    assertThat(first.shareId()).isPresent();
    assertThat(fits.claims().get(1).allocation().results().get(0).shareId()).isNotEqualTo(first.shareId());
  }

  @Test
  void shared_capacity_already_allocated_counts() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", sharedGpu("gpu-0")));
    DeviceAllocator allocator = DeviceAllocator.of(c, AllocatorFeatures.all());
    AllocationOutcome first = allocator.allocate("n1", List.of(claim("a", memory("m", "64Gi"))), AllocatedDevices.none());
    AllocatedDevices used = AllocatedDevices.of(List.of(first.claims().get(0).allocatedClaim()));
    assertThat(allocator.allocate("n1", List.of(claim("b", memory("m", "16Gi"))), used).satisfiable()).isTrue();
    AllocationOutcome over = allocator.allocate("n1", List.of(claim("b", memory("m", "24Gi"))), used);
    assertThat(codes(over)).containsExactly("DRA_NOT_ENOUGH_DEVICES");
  }

  @Test
  void a_capacity_above_the_policy_maximum_is_rejected() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", sharedGpu("gpu-0")));
    assertThat(allocate(c, "n1", claim("a", memory("m", "81Gi"))).satisfiable()).isFalse();
  }

  @Test
  void a_shared_devices_counters_are_returned_on_backtracking() {
    // Upstream never returns a shared device's counters when it backtracks over it.
    Device shared = Device.builder().from(sharedGpu("a-shared")).addConsumesCounters(CounterConsumption.of("set", Map.of("mem", q("1")))).build();
    Device dedicated = Device.builder().name("b-dedicated").addConsumesCounters(CounterConsumption.of("set", Map.of("mem", q("1")))).build();
    ResourceSliceSpec devices = ResourceSliceSpec.builder().name("d").driver(GPU_DRIVER).pool("p").resourceSliceCount(2).nodeName("n1")
        .addDevices(shared, dedicated).build();
    ResourceSliceSpec set = ResourceSliceSpec.builder().name("s").driver(GPU_DRIVER).pool("p").resourceSliceCount(2).nodeName("n1")
        .addSharedCounters(CounterSet.of("set", Map.of("mem", q("1")))).build();
    DraCluster c = cluster(devices, set);
    DeviceRequest needsDedicated = DeviceRequest.exactly("d", DeviceSelection.builder().deviceClassName("gpu")
        .addSelectors("!device.allowMultipleAllocations").build());
    AllocationOutcome o = allocate(c, "n1", claim("c", exactly("any", "gpu", 1), needsDedicated));
    assertThat(o.satisfiable()).isFalse();
    AllocationOutcome later = allocate(c, "n1", claim("c1", exactly("any", "gpu", 1)), claim("c2", needsDedicated));
    assertThat(later.satisfiable()).isFalse();
    assertThat(allocate(c, "n1", claim("c2", needsDedicated)).satisfiable()).isTrue();
  }

  @Test
  void only_the_newest_generation_of_a_pool_is_used() {
    ResourceSliceSpec old = ResourceSliceSpec.builder().name("old").driver(GPU_DRIVER).pool("n1").generation(1).nodeName("n1").addDevices(gpu("old-gpu", "r")).build();
    ResourceSliceSpec current = ResourceSliceSpec.builder().name("new").driver(GPU_DRIVER).pool("n1").generation(2).nodeName("n1").addDevices(gpu("new-gpu", "r")).build();
    assertThat(devices(allocate(cluster(old, current), "n1", claim("c", exactly("gpu", "gpu", 1))), 0)).containsExactly("new-gpu");
  }

  @Test
  void an_incomplete_pool_is_skipped_and_reported() {
    ResourceSliceSpec half = ResourceSliceSpec.builder().name("half").driver(GPU_DRIVER).pool("n1").resourceSliceCount(2).nodeName("n1").addDevices(gpu("g", "r")).build();
    AllocationOutcome o = allocate(cluster(half), "n1", claim("c", exactly("gpu", "gpu", 1)));
    assertThat(o.status()).isEqualTo(AllocationStatus.UNSATISFIABLE);
    assertThat(codes(o)).containsExactly("DRA_POOL_INCOMPLETE", "DRA_NO_DEVICES");
  }

  @Test
  void an_invalid_pool_fails_only_this_node() {
    ResourceSliceSpec a = ResourceSliceSpec.builder().name("a").driver(GPU_DRIVER).pool("n1").resourceSliceCount(2).nodeName("n1").addDevices(gpu("g", "r")).build();
    ResourceSliceSpec b = ResourceSliceSpec.builder().name("b").driver(GPU_DRIVER).pool("n1").resourceSliceCount(2).nodeName("n1").addDevices(gpu("g", "r")).build();
    AllocationOutcome o = allocate(cluster(a, b), "n1", claim("c", exactly("gpu", "gpu", 1)));
    assertThat(o.status()).isEqualTo(AllocationStatus.FAILED_ON_NODE);
    assertThat(o.error()).contains("invalid resource pools were encountered");
    assertThat(codes(o)).contains("DRA_POOL_INVALID");
  }

  @Test
  void network_attached_devices_follow_the_slice_node_selector() {
    NodeSelectorTerm rack = NodeSelectorTerm.of(NodeSelectorRequirement.of("rack", NodeSelectorOperator.In, "r1"));
    ResourceSliceSpec fabric = ResourceSliceSpec.builder().name("fabric").driver(GPU_DRIVER).pool("fabric").nodeSelector(rack)
        .addDevices(gpu("remote", "r")).build();
    DraCluster c = DraCluster.builder().addSlices(fabric).addAllClasses(Hardware.classes())
        .putNode("in-rack", Map.of("rack", "r1")).putNode("elsewhere", Map.of("rack", "r2")).build();
    DeviceAllocator allocator = DeviceAllocator.of(c, AllocatorFeatures.all());
    AllocationOutcome o = allocator.allocate("in-rack", List.of(claim("c", exactly("gpu", "gpu", 1))), AllocatedDevices.none());
    assertThat(o.claims().get(0).allocation().nodeSelector()).contains(rack);
    assertThat(allocator.allocate("elsewhere", List.of(claim("c", exactly("gpu", "gpu", 1))), AllocatedDevices.none()).satisfiable()).isFalse();
  }

  @Test
  void all_nodes_devices_need_no_node_selector() {
    ResourceSliceSpec everywhere = ResourceSliceSpec.builder().name("x").driver(GPU_DRIVER).pool("global").allNodes(true).addDevices(gpu("g", "r")).build();
    AllocationOutcome o = allocate(cluster(everywhere), "any-node", claim("c", exactly("gpu", "gpu", 1)));
    assertThat(o.claims().get(0).allocation().nodeSelector()).isEmpty();
  }

  @Test
  void per_device_node_selection_offers_only_the_nodes_devices() {
    ResourceSliceSpec s = ResourceSliceSpec.builder().name("x").driver(GPU_DRIVER).pool("p").perDeviceNodeSelection(true)
        .addDevices(Device.builder().from(gpu("on-a", "r")).nodeName("a").build(), Device.builder().from(gpu("on-b", "r")).nodeName("b").build()).build();
    assertThat(devices(allocate(cluster(s), "b", claim("c", exactly("gpu", "gpu", 1))), 0)).containsExactly("on-b");
  }

  @Test
  void devices_with_binding_conditions_come_last_and_need_their_gates() {
    Device waiting = Device.builder().from(gpu("attach", "r")).addBindingConditions("Attached").build();
    DraCluster c = cluster(slice("a", GPU_DRIVER, "n1", waiting), ResourceSliceSpec.builder().name("z").driver(GPU_DRIVER).pool("z-pool").nodeName("n1").addDevices(gpu("plain", "r")).build());
    assertThat(devices(allocate(c, "n1", claim("c", exactly("gpu", "gpu", 1))), 0)).containsExactly("plain");
    ClusterProfile off = ClusterProfile.of(KubernetesVersion.parse("1.35"));
    AllocationOutcome o = DeviceAllocator.of(c, off).allocate("n1", List.of(claim("c", exactly("gpu", "gpu", 2))), AllocatedDevices.none());
    assertThat(o.satisfiable()).isFalse();
  }

  @Test
  void explains_how_many_devices_matched_when_too_few_are_free() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", gpu("a", "r"), gpu("b", "r")), slice("n", NIC_DRIVER, "n1", nic("x", "r")));
    AllocationOutcome o = allocate(c, "n1", claim("c", exactly("gpu", "gpu", 3)));
    assertThat(codes(o)).containsExactly("DRA_NOT_ENOUGH_DEVICES");
    assertThat(o.reasons().get(0).message()).contains("request gpu").contains("2 of 3 devices on node n1 match");
    AllocationOutcome none = allocate(c, "n1", claim("c", DeviceRequest.exactly("gpu", DeviceSelection.builder().deviceClassName("gpu")
        .addSelectors("device.attributes[\"gpu.example.com\"].model == \"b200\"").build())));
    assertThat(codes(none)).containsExactly("DRA_NO_MATCHING_DEVICES");
  }

  @Test
  void the_same_input_gives_the_same_result() {
    DraCluster c = cluster(slice("g", GPU_DRIVER, "n1", sharedGpu("s"), gpu("a", "r")), slice("n", NIC_DRIVER, "n1", nic("x", "r")));
    ResourceClaimSpec claim = claim("c", memory("m", "8Gi"), exactly("nic", "nic", 1));
    assertThat(allocate(c, "n1", claim)).isEqualTo(allocate(c, "n1", claim));
  }
}
