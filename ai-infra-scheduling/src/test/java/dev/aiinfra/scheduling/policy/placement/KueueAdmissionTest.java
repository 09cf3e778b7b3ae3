package dev.aiinfra.scheduling.policy.placement;

import static dev.aiinfra.scheduling.policy.placement.Fixtures.BLOCK_RACK_HOST;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.RACK;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.gpuPods;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.scheduling.model.TopologyRequest;
import dev.aiinfra.scheduling.model.kueue.ClusterQueue;
import dev.aiinfra.scheduling.model.kueue.FlavorQuotas;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import dev.aiinfra.scheduling.model.kueue.LocalQueue;
import dev.aiinfra.scheduling.model.kueue.ResourceFlavor;
import dev.aiinfra.scheduling.model.kueue.ResourceGroup;
import dev.aiinfra.scheduling.model.kueue.ResourceQuota;
import dev.aiinfra.scheduling.model.kueue.StopPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Kueue admission through a LocalQueue and its ClusterQueue: queue checks, flavors, quota, then TAS. */
class KueueAdmissionTest {
  private static final LabelSelector EVERY_NAMESPACE = LabelSelector.builder().build();

  /** Two racks of two 8-GPU nodes each. */
  private static ClusterState cluster() {
    return ClusterState.of(List.of(node("n1", "b1", "r1", 64, 8), node("n2", "b1", "r1", 64, 8),
        node("n3", "b1", "r2", 64, 8), node("n4", "b1", "r2", 64, 8)));
  }

  private static ResourceFlavor tasFlavor(String name) {
    return ResourceFlavor.builder().name(name).topologyName(BLOCK_RACK_HOST.name()).build();
  }

  private static ClusterQueue queue(String name, String flavor, int gpus) {
    return ClusterQueue.builder().name(name).namespaceSelector(EVERY_NAMESPACE)
        .addResourceGroups(ResourceGroup.of(List.of("cpu", "nvidia.com/gpu"),
            List.of(FlavorQuotas.of(flavor, List.of(ResourceQuota.of("cpu", "1000"), ResourceQuota.of("nvidia.com/gpu", Integer.toString(gpus)))))))
        .build();
  }

  private static KueueObjects objects(ClusterQueue cq, ResourceFlavor... flavors) {
    return KueueObjects.builder().addTopologies(BLOCK_RACK_HOST).addResourceFlavors(flavors).addClusterQueues(cq)
        .addLocalQueues(LocalQueue.of("default", "training", cq.name())).build();
  }

  private static Gang queued(String name, PodSet... podSets) {
    return Gang.builder().name(name).kind(GangKind.KUEUE).queueName("training").addPodSets(podSets).build();
  }

  private static PlacementResult place(KueueObjects kueue, Gang... gangs) {
    return GangPlacement.place(cluster(), List.of(gangs), PlacementOptions.builder().topology(BLOCK_RACK_HOST).kueue(kueue).build());
  }

  private static Diagnostic reason(GangResult r) {
    return r.reasons().get(0);
  }

  @Test
  void a_gang_within_quota_is_admitted_on_the_queue_s_flavor_and_placed_on_its_topology() {
    GangResult r = place(objects(queue("gpu", "h100", 32), tasFlavor("h100")), queued("train", gpuPods("workers", 16, 1, TopologyRequest.required(RACK))))
        .gangs().get(0);

    assertThat(r.fits()).isTrue();
    QueueAdmission a = r.admission().orElseThrow();
    assertThat(a.clusterQueue()).isEqualTo("gpu");
    assertThat(a.flavors()).containsExactly(FlavorAssignment.of("workers", "cpu", "h100"), FlavorAssignment.of("workers", "nvidia.com/gpu", "h100"));
    assertThat(a.quota()).filteredOn(q -> q.resource().equals("nvidia.com/gpu")).singleElement()
        .satisfies(q -> {
          assertThat(q.requested()).isEqualTo(Quantity.of(16));
          assertThat(q.used()).isEqualTo(Quantity.of(16));
          assertThat(q.nominal()).isEqualTo(Quantity.of(32));
        });
    assertThat(r.podSets().get(0).topologyAssignment()).isPresent();
  }

  @Test
  void a_gang_that_fits_the_nodes_but_not_the_quota_is_refused_with_kueue_s_reason() {
    GangResult r = place(objects(queue("gpu", "h100", 8), tasFlavor("h100")), queued("train", gpuPods("workers", 16, 1, TopologyRequest.required(RACK))))
        .gangs().get(0);

    assertThat(r.fits()).isFalse();
    assertThat(reason(r).code()).isEqualTo(SchedulingCode.KUEUE_QUOTA_EXCEEDED.name());
    assertThat(reason(r).message()).isEqualTo("couldn't assign flavors to pod set workers: insufficient quota for nvidia.com/gpu in flavor h100,"
        + " previously considered podsets requests (0) + current podset request (16) > maximum capacity (8)");
  }

  @Test
  void admitted_gangs_count_against_the_quota_for_the_next() {
    PlacementResult r = place(objects(queue("gpu", "h100", 24), tasFlavor("h100")),
        queued("first", gpuPods("workers", 16, 1, TopologyRequest.required(RACK))),
        queued("second", gpuPods("workers", 16, 1, TopologyRequest.required(RACK))));

    assertThat(r.gangs().get(0).fits()).isTrue();
    GangResult second = r.gangs().get(1);
    assertThat(second.fits()).isFalse();
    assertThat(reason(second).code()).isEqualTo(SchedulingCode.KUEUE_QUOTA_UNAVAILABLE.name());
    assertThat(reason(second).message()).isEqualTo("couldn't assign flavors to pod set workers: insufficient unused quota for nvidia.com/gpu in flavor h100, 8 more needed");
  }

  @Test
  void a_refused_gang_takes_no_quota() {
    PlacementResult r = place(objects(queue("gpu", "h100", 16), tasFlavor("h100")),
        queued("too-big", gpuPods("workers", 24, 1, TopologyRequest.required(RACK))),
        queued("fits", gpuPods("workers", 16, 1, TopologyRequest.required(RACK))));

    assertThat(r.gangs()).extracting(GangResult::fits).containsExactly(false, true);
  }

  @Test
  void a_gang_within_quota_that_fits_no_rack_is_refused_with_the_topology_reason() {
    GangResult r = place(objects(queue("gpu", "h100", 64), tasFlavor("h100")), queued("train", gpuPods("workers", 24, 1, TopologyRequest.required(RACK))))
        .gangs().get(0);

    assertThat(r.fits()).isFalse();
    assertThat(reason(r).code()).isEqualTo(SchedulingCode.GANG_TOPOLOGY_NOT_FIT.name());
    assertThat(reason(r).message()).startsWith("couldn't assign flavors to pod set workers: topology \"default\" allows to fit only 16 out of 24 pod(s)");
    assertThat(r.admission().orElseThrow().quota()).allSatisfy(q -> assertThat(q.used().isZero()).isTrue());
  }

  @Test
  void the_next_flavor_is_tried_when_the_first_is_full() {
    ClusterQueue cq = ClusterQueue.builder().name("gpu").namespaceSelector(EVERY_NAMESPACE)
        .addResourceGroups(ResourceGroup.of(List.of("nvidia.com/gpu"), List.of(
            FlavorQuotas.of("small", List.of(ResourceQuota.of("nvidia.com/gpu", "4"))),
            FlavorQuotas.of("big", List.of(ResourceQuota.of("nvidia.com/gpu", "32"))))))
        .build();
    PodSet pods = PodSet.builder().name("workers").count(8).requests(dev.aiinfra.core.model.quantity.ResourceList.of("nvidia.com/gpu", "1"))
        .topology(TopologyRequest.required(RACK)).build();

    GangResult r = place(objects(cq, tasFlavor("small"), tasFlavor("big")), queued("train", pods)).gangs().get(0);

    assertThat(r.fits()).isTrue();
    assertThat(r.admission().orElseThrow().flavors()).extracting(FlavorAssignment::flavor).containsExactly("big");
  }

  @Test
  void a_flavor_whose_taint_the_pods_do_not_tolerate_is_skipped_with_kueue_s_words() {
    ResourceFlavor tainted = ResourceFlavor.builder().from(tasFlavor("h100")).addNodeTaints(Taint.of("gpu", "h100", TaintEffect.NoSchedule)).build();

    GangResult r = place(objects(queue("gpu", "h100", 32), tainted), queued("train", gpuPods("workers", 4, 1, TopologyRequest.required(RACK))))
        .gangs().get(0);

    assertThat(reason(r).code()).isEqualTo(SchedulingCode.KUEUE_NO_MATCHING_FLAVOR.name());
    assertThat(reason(r).message()).isEqualTo(
        "couldn't assign flavors to pod set workers: untolerated taint {gpu h100 NoSchedule <nil>} in flavor h100");
  }

  @Test
  void a_resource_the_queue_does_not_cover_is_unavailable() {
    PodSet pods = PodSet.builder().name("workers").count(2)
        .requests(dev.aiinfra.core.model.quantity.ResourceList.of("cpu", "1", "example.com/fpga", "1")).topology(TopologyRequest.required(RACK)).build();

    GangResult r = place(objects(queue("gpu", "h100", 32), tasFlavor("h100")), queued("train", pods)).gangs().get(0);

    assertThat(reason(r).message()).isEqualTo("couldn't assign flavors to pod set workers: resource example.com/fpga unavailable in ClusterQueue");
  }

  @Test
  void a_missing_local_queue_is_kueue_s_misconfiguration() {
    Gang gang = Gang.builder().from(queued("train", gpuPods("workers", 2, 1, TopologyRequest.required(RACK)))).queueName("nope").build();

    GangResult r = place(objects(queue("gpu", "h100", 32), tasFlavor("h100")), gang).gangs().get(0);

    assertThat(reason(r).code()).isEqualTo(SchedulingCode.KUEUE_LOCAL_QUEUE_MISSING.name());
    assertThat(reason(r).message()).isEqualTo("LocalQueue nope doesn't exist");
  }

  @Test
  void a_stopped_cluster_queue_is_inactive() {
    ClusterQueue stopped = ClusterQueue.builder().from(queue("gpu", "h100", 32)).stopPolicy(StopPolicy.Hold).build();

    GangResult r = place(objects(stopped, tasFlavor("h100")), queued("train", gpuPods("workers", 2, 1, TopologyRequest.required(RACK)))).gangs().get(0);

    assertThat(reason(r).message()).isEqualTo("ClusterQueue gpu is inactive");
  }

  @Test
  void a_queue_without_a_namespace_selector_admits_no_namespace() {
    ClusterQueue closed = ClusterQueue.builder().from(queue("gpu", "h100", 32)).namespaceSelector(Optional.empty()).build();

    GangResult r = place(objects(closed, tasFlavor("h100")), queued("train", gpuPods("workers", 2, 1, TopologyRequest.required(RACK)))).gangs().get(0);

    assertThat(reason(r).code()).isEqualTo(SchedulingCode.KUEUE_NAMESPACE_NOT_SELECTED.name());
  }

  @Test
  void a_requested_level_the_flavor_s_topology_lacks_makes_the_flavor_unusable() {
    GangResult r = place(objects(queue("gpu", "h100", 32), tasFlavor("h100")), queued("train", gpuPods("workers", 2, 1, TopologyRequest.required("zone"))))
        .gangs().get(0);

    assertThat(reason(r).message()).isEqualTo("couldn't assign flavors to pod set workers: Flavor \"h100\" does not contain the requested level");
  }

  @Test
  void a_gang_without_a_queue_name_is_placed_by_topology_alone() {
    Gang unqueued = Gang.builder().from(queued("train", gpuPods("workers", 16, 1, TopologyRequest.required(RACK)))).queueName(Optional.empty()).build();

    GangResult r = place(objects(queue("gpu", "h100", 1), tasFlavor("h100")), unqueued).gangs().get(0);

    assertThat(r.fits()).isTrue();
    assertThat(r.admission()).isEmpty();
  }
}
