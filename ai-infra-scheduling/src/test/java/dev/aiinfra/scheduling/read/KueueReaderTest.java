package dev.aiinfra.scheduling.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.kueue.AdmissionCheckRule;
import dev.aiinfra.scheduling.model.kueue.BorrowWithinCohortPolicy;
import dev.aiinfra.scheduling.model.kueue.ClusterQueue;
import dev.aiinfra.scheduling.model.kueue.FlavorFungibility;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import dev.aiinfra.scheduling.model.kueue.LocalQueue;
import dev.aiinfra.scheduling.model.kueue.PreemptionPolicy;
import dev.aiinfra.scheduling.model.kueue.QueueingStrategy;
import dev.aiinfra.scheduling.model.kueue.ResourceFlavor;
import dev.aiinfra.scheduling.model.kueue.ResourceQuota;
import dev.aiinfra.scheduling.model.kueue.StopPolicy;
import dev.aiinfra.scheduling.model.kueue.WorkloadPriorityClass;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kueue objects from YAML into values, and every problem at its file, document and field. */
class KueueReaderTest {
  static String resource(String name) {
    try (InputStream in = KueueReaderTest.class.getResourceAsStream("/kueue/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> errors(String yaml) {
    try {
      KueueReader.readString("q.yaml", yaml);
      return List.of();
    } catch (ManifestReadException e) {
      return e.errors().stream().map(InputError::toString).toList();
    }
  }

  private static final String CQ = "apiVersion: kueue.x-k8s.io/v1beta2\nkind: ClusterQueue\nmetadata: {name: gpu}\nspec:\n";

  @Test
  void every_kind_of_a_gpu_queue_set_is_read_into_its_value() {
    KueueObjects in = KueueReader.readString("gpu-queue.yaml", resource("gpu-queue.yaml"));

    assertThat(in.topologies()).containsExactly(Topology.of("gpu-topology",
        List.of("cloud.example.com/block", "cloud.example.com/rack", "kubernetes.io/hostname")));
    assertThat(in.resourceFlavors()).containsExactly(ResourceFlavor.builder().name("h100")
        .putNodeLabel("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3")
        .addNodeTaint(Taint.of("nvidia.com/gpu", "present", TaintEffect.NoSchedule))
        .addToleration(Toleration.builder().key("nvidia.com/gpu").operator(Toleration.Operator.Exists).effect(TaintEffect.NoSchedule).build())
        .topologyName("gpu-topology").build());
    ClusterQueue cq = in.clusterQueue("gpu").orElseThrow();
    assertThat(cq.cohortName()).contains("research");
    assertThat(cq.queueingStrategy()).isEqualTo(QueueingStrategy.StrictFIFO);
    assertThat(cq.namespaceSelector()).contains(LabelSelector.builder().putMatchLabel("team", "ml").build());
    assertThat(cq.resourceGroups().get(0).coveredResources()).containsExactly("cpu", "memory", "nvidia.com/gpu");
    assertThat(cq.resourceGroups().get(0).flavors().get(0).resources()).containsExactly(
        ResourceQuota.of("cpu", "192"), ResourceQuota.of("memory", "2Ti"),
        ResourceQuota.of("nvidia.com/gpu", "16").withBorrowingLimit(Quantity.of(8)).withLendingLimit(Quantity.of(4)));
    assertThat(cq.preemption().reclaimWithinCohort()).isEqualTo(PreemptionPolicy.Any);
    assertThat(cq.preemption().borrowWithinCohort()).isEqualTo(BorrowWithinCohortPolicy.LowerPriority);
    assertThat(cq.preemption().maxPriorityThreshold()).hasValue(100);
    assertThat(cq.preemption().withinClusterQueue()).isEqualTo(PreemptionPolicy.LowerPriority);
    assertThat(cq.flavorFungibility().whenCanBorrow()).isEqualTo(FlavorFungibility.Policy.TryNextFlavor);
    assertThat(cq.flavorFungibility().preference()).contains(FlavorFungibility.Preference.BorrowingOverPreemption);
    assertThat(cq.admissionChecks()).containsExactly(AdmissionCheckRule.builder().name("provisioning").addOnFlavor("h100").build());
    assertThat(cq.stopPolicy()).isEqualTo(StopPolicy.Hold);
    assertThat(cq.fairSharingWeight()).contains(Quantity.parse("500m"));
    assertThat(in.localQueues()).containsExactly(LocalQueue.of("ml", "training", "gpu"));
    assertThat(in.cohort("research").orElseThrow().fairSharingWeight()).contains(Quantity.of(2));
    assertThat(in.workloadPriorityClasses()).containsExactly(
        WorkloadPriorityClass.builder().name("high").value(1000).description("production training").build());
  }

  @Test
  void a_cluster_queue_without_a_spec_gets_kueues_defaults() {
    ClusterQueue cq = KueueReader.readString("q.yaml", CQ + "  {}\n").clusterQueues().get(0);

    assertThat(cq).isEqualTo(ClusterQueue.builder().name("gpu").build());
    assertThat(cq.queueingStrategy()).isEqualTo(QueueingStrategy.BestEffortFIFO);
    assertThat(cq.flavorFungibility()).isEqualTo(FlavorFungibility.defaults());
    assertThat(cq.preemption().reclaimWithinCohort()).isEqualTo(PreemptionPolicy.Never);
  }

  @Test
  void objects_of_other_kinds_are_left_to_other_readers() {
    KueueObjects in = KueueReader.readString("mixed.yaml",
        "apiVersion: v1\nkind: Node\nmetadata: {name: n}\n---\n" + CQ + "  {}\n");

    assertThat(in.clusterQueues()).hasSize(1);
    assertThat(KueueReader.reads("v1", "Node")).isFalse();
    assertThat(KueueReader.reads("kueue.x-k8s.io/v1beta2", "Workload")).isFalse();
  }

  @Test
  void every_problem_is_reported_at_its_document_and_field() {
    assertThat(errors("apiVersion: v1\nkind: Node\nmetadata: {name: n}\n---\n" + CQ
        + "  queueingStrategy: Fastest\n  resourceGroups:\n  - coveredResources: [cpu]\n    flavors:\n"
        + "    - name: f\n      resources:\n      - {name: cpu, nominalQuota: lots, borrowLimit: 1}\n"))
        .containsExactlyInAnyOrder(
            "q.yaml: document 1: spec.queueingStrategy: Unsupported value: \"Fastest\": supported values: \"StrictFIFO\", \"BestEffortFIFO\"",
            "q.yaml: document 1: spec.resourceGroups[0].flavors[0].resources[0].borrowLimit: Unsupported value: unknown field \"borrowLimit\"; known fields: borrowingLimit, lendingLimit, name, nominalQuota",
            "q.yaml: document 1: spec.resourceGroups[0].flavors[0].resources[0].nominalQuota: Invalid value: \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  }

  @Test
  void a_cluster_queue_without_a_name_is_refused() {
    assertThat(errors("apiVersion: kueue.x-k8s.io/v1beta2\nkind: ClusterQueue\nmetadata: {}\nspec: {}\n"))
        .containsExactly("q.yaml: document 0: metadata.name: Required value: name or generateName is required");
  }

  @Test
  void a_reclaim_policy_only_the_in_queue_field_takes_is_refused() {
    assertThat(errors(CQ + "  preemption: {reclaimWithinCohort: LowerOrNewerEqualPriority}\n")).singleElement().asString()
        .isEqualTo("q.yaml: document 0: spec.preemption.reclaimWithinCohort: Unsupported value: \"LowerOrNewerEqualPriority\": supported values: \"Never\", \"LowerPriority\", \"Any\"");
  }

  @Test
  void a_topology_with_the_hostname_above_another_level_is_refused_at_its_level() {
    assertThat(errors("apiVersion: kueue.x-k8s.io/v1beta2\nkind: Topology\nmetadata: {name: t}\nspec:\n"
        + "  levels: [{nodeLabel: kubernetes.io/hostname}, {nodeLabel: rack}]\n")).singleElement().asString()
        .isEqualTo("q.yaml: document 0: spec.levels[0].nodeLabel: Invalid value: \"kubernetes.io/hostname\": kubernetes.io/hostname may only be the last level");
  }

  @Test
  void a_local_queue_without_a_namespace_is_in_the_default_namespace() {
    assertThat(KueueReader.readString("q.yaml", "apiVersion: kueue.x-k8s.io/v1beta2\nkind: LocalQueue\nmetadata: {name: q}\nspec: {clusterQueue: gpu}\n")
        .localQueues()).containsExactly(LocalQueue.of("default", "q", "gpu"));
  }

  @Test
  void a_priority_class_without_a_value_is_refused() {
    assertThat(errors("apiVersion: kueue.x-k8s.io/v1beta2\nkind: WorkloadPriorityClass\nmetadata: {name: p}\n"))
        .containsExactly("q.yaml: document 0: value: Required value");
  }

  @Test
  void a_flavor_taint_with_an_unknown_effect_is_refused_at_its_field() {
    assertThat(errors("apiVersion: kueue.x-k8s.io/v1beta2\nkind: ResourceFlavor\nmetadata: {name: f}\nspec:\n"
        + "  nodeTaints: [{key: k, effect: Sometimes}]\n  nodeLabels: {a: 1}\n"))
        .containsExactlyInAnyOrder("q.yaml: document 0: spec.nodeTaints[0].effect: Unsupported value: \"Sometimes\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"",
            "q.yaml: document 0: spec.nodeLabels[a]: Invalid value: \"1\": must be a string");
  }
}
