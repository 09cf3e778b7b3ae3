package dev.aiinfra.scheduling.policy.kueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.kueue.AdmissionCheckRule;
import dev.aiinfra.scheduling.model.kueue.BorrowWithinCohortPolicy;
import dev.aiinfra.scheduling.model.kueue.ClusterQueue;
import dev.aiinfra.scheduling.model.kueue.Cohort;
import dev.aiinfra.scheduling.model.kueue.FlavorFungibility;
import dev.aiinfra.scheduling.model.kueue.FlavorQuotas;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import dev.aiinfra.scheduling.model.kueue.LocalQueue;
import dev.aiinfra.scheduling.model.kueue.Preemption;
import dev.aiinfra.scheduling.model.kueue.PreemptionPolicy;
import dev.aiinfra.scheduling.model.kueue.ResourceFlavor;
import dev.aiinfra.scheduling.model.kueue.ResourceGroup;
import dev.aiinfra.scheduling.model.kueue.ResourceQuota;
import dev.aiinfra.scheduling.model.kueue.WorkloadPriorityClass;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One test per rule of Kueue's webhooks and CRD schema: the code, the field, Kueue's wording. */
class KueueValidationTest {
  static final ResourceGroup GPU_GROUP = ResourceGroup.of(List.of("cpu", "nvidia.com/gpu"),
      List.of(FlavorQuotas.of("h100", List.of(ResourceQuota.of("cpu", "96"), ResourceQuota.of("nvidia.com/gpu", "8")))));
  static final ClusterQueue QUEUE = ClusterQueue.builder().name("gpu").addResourceGroup(GPU_GROUP).build();

  private static List<String> lines(List<KueueFinding> found) {
    return found.stream().map(f -> f.code() + " " + f.violation()).toList();
  }

  private static ClusterQueue withGpuQuota(ResourceQuota gpu) {
    return QUEUE.withResourceGroups(ResourceGroup.of(GPU_GROUP.coveredResources(),
        List.of(FlavorQuotas.of("h100", List.of(ResourceQuota.of("cpu", "96"), gpu)))));
  }

  @Test
  void a_queue_as_the_guides_write_it_is_valid() {
    assertThat(KueueValidation.validate(QUEUE)).isEmpty();
  }

  @Test
  void a_flavor_with_resources_out_of_the_covered_order_is_refused_at_each_name() {
    ClusterQueue q = QUEUE.withResourceGroups(ResourceGroup.of(List.of("cpu", "nvidia.com/gpu"),
        List.of(FlavorQuotas.of("h100", List.of(ResourceQuota.of("nvidia.com/gpu", "8"), ResourceQuota.of("cpu", "96"))))));
    assertThat(lines(KueueValidation.validate(q))).containsExactly(
        "KUEUE_RESOURCE_ORDER spec.resourceGroups[0].flavors[0].resources[0].name: Invalid value: \"nvidia.com/gpu\": must match the name in coveredResources",
        "KUEUE_RESOURCE_ORDER spec.resourceGroups[0].flavors[0].resources[1].name: Invalid value: \"cpu\": must match the name in coveredResources");
  }

  @Test
  void a_flavor_with_fewer_resources_than_covered_is_refused_at_its_group() {
    ClusterQueue q = QUEUE.withResourceGroups(ResourceGroup.of(List.of("cpu", "nvidia.com/gpu"),
        List.of(FlavorQuotas.of("h100", List.of(ResourceQuota.of("cpu", "96"))))));
    assertThat(lines(KueueValidation.validate(q))).containsExactly(
        "KUEUE_RESOURCE_ORDER spec.resourceGroups[0]: Invalid value: \"resourceGroups[0]\": flavors must have the same number of resources as the coveredResources");
  }

  @Test
  void a_flavor_in_two_groups_is_refused_as_a_duplicate() {
    ClusterQueue q = QUEUE.withResourceGroups(GPU_GROUP,
        ResourceGroup.of(List.of("memory"), List.of(FlavorQuotas.of("h100", List.of(ResourceQuota.of("memory", "1Ti"))))));
    assertThat(lines(KueueValidation.validate(q))).containsExactly(
        "KUEUE_FLAVOR_DUPLICATE spec.resourceGroups[1].flavors[0].name: Duplicate value: \"h100\"");
  }

  @Test
  void a_resource_covered_by_two_groups_is_refused_as_a_duplicate() {
    ClusterQueue q = QUEUE.withResourceGroups(GPU_GROUP,
        ResourceGroup.of(List.of("cpu"), List.of(FlavorQuotas.of("spot", List.of(ResourceQuota.of("cpu", "8"))))));
    assertThat(lines(KueueValidation.validate(q))).containsExactly(
        "KUEUE_RESOURCE_DUPLICATE spec.resourceGroups[1].coveredResources[0]: Duplicate value: \"cpu\"");
  }

  @Test
  void more_than_sixteen_resource_groups_are_refused() {
    List<ResourceGroup> groups = IntStream.range(0, 17).mapToObj(i -> ResourceGroup.of(List.of("example.com/r" + i),
        List.of(FlavorQuotas.of("f" + i, List.of(ResourceQuota.of("example.com/r" + i, "1")))))).toList();
    assertThat(lines(KueueValidation.validate(QUEUE.withResourceGroups(groups)))).containsExactly(
        "KUEUE_TOO_MANY spec.resourceGroups: Too many: \"17\": must have at most 16 items");
  }

  @Test
  void more_than_sixty_four_flavors_in_a_group_are_refused() {
    List<FlavorQuotas> flavors = IntStream.range(0, 65).mapToObj(i -> FlavorQuotas.of("f" + i, List.of(ResourceQuota.of("cpu", "1")))).toList();
    assertThat(lines(KueueValidation.validate(QUEUE.withResourceGroups(ResourceGroup.of(List.of("cpu"), flavors))))).containsExactly(
        "KUEUE_TOO_MANY spec.resourceGroups[0].flavors: Too many: \"65\": must have at most 64 items");
  }

  @Test
  void more_than_256_flavors_in_a_queue_are_refused() {
    List<ResourceGroup> groups = new ArrayList<>();
    for (int g = 0; g < 5; g++) {
      String r = "example.com/r" + g;
      int base = g * 60;
      groups.add(ResourceGroup.of(List.of(r), IntStream.range(0, 60).mapToObj(i -> FlavorQuotas.of("f" + (base + i), List.of(ResourceQuota.of(r, "1")))).toList()));
    }
    assertThat(lines(KueueValidation.validate(QUEUE.withResourceGroups(groups)))).containsExactly(
        "KUEUE_TOO_MANY spec.resourceGroups: Invalid value: \"300\": total number of flavors across all resourceGroups must be ≤ 256, got 300");
  }

  @Test
  void a_group_without_covered_resources_or_flavors_is_refused() {
    assertThat(lines(KueueValidation.validate(QUEUE.withResourceGroups(ResourceGroup.of(List.of(), List.of()))))).containsExactly(
        "KUEUE_REQUIRED spec.resourceGroups[0].coveredResources: Required value: a resource group covers at least one resource",
        "KUEUE_REQUIRED spec.resourceGroups[0].flavors: Required value: a resource group has at least one flavor");
  }

  @Test
  void a_negative_nominal_quota_is_refused() {
    assertThat(lines(KueueValidation.validate(withGpuQuota(ResourceQuota.of("nvidia.com/gpu", "-1"))))).containsExactly(
        "KUEUE_QUOTA_NEGATIVE spec.resourceGroups[0].flavors[0].resources[1].nominalQuota: Invalid value: \"-1\": must be greater than or equal to 0");
  }

  @Test
  void a_borrowing_limit_without_a_cohort_is_refused() {
    assertThat(lines(KueueValidation.validate(withGpuQuota(ResourceQuota.of("nvidia.com/gpu", "8").withBorrowingLimit(Quantity.of(4))))))
        .containsExactly("KUEUE_LIMIT_WITHOUT_COHORT spec.resourceGroups[0].flavors[0].resources[1].borrowingLimit: Invalid value: \"4\": must be nil when cohort is empty");
  }

  @Test
  void a_lending_limit_without_a_cohort_is_refused() {
    assertThat(lines(KueueValidation.validate(withGpuQuota(ResourceQuota.of("nvidia.com/gpu", "8").withLendingLimit(Quantity.of(4))))))
        .containsExactly("KUEUE_LIMIT_WITHOUT_COHORT spec.resourceGroups[0].flavors[0].resources[1].lendingLimit: Invalid value: \"4\": must be nil when cohort is empty");
  }

  @Test
  void limits_in_a_cohort_are_valid() {
    ClusterQueue q = withGpuQuota(ResourceQuota.of("nvidia.com/gpu", "8").withBorrowingLimit(Quantity.of(4)).withLendingLimit(Quantity.of(8)))
        .withCohortName("research");
    assertThat(KueueValidation.validate(q)).isEmpty();
  }

  @Test
  void a_lending_limit_above_the_nominal_quota_is_refused() {
    ClusterQueue q = withGpuQuota(ResourceQuota.of("nvidia.com/gpu", "8").withLendingLimit(Quantity.of(9))).withCohortName("research");
    assertThat(lines(KueueValidation.validate(q))).containsExactly(
        "KUEUE_LENDING_OVER_NOMINAL spec.resourceGroups[0].flavors[0].resources[1].lendingLimit: Invalid value: \"9\": must be less than or equal to the nominalQuota");
  }

  @Test
  void a_cohort_may_lend_more_than_its_nominal_quota_but_only_with_a_parent() {
    Cohort c = Cohort.builder().name("root").addResourceGroup(ResourceGroup.of(List.of("nvidia.com/gpu"),
        List.of(FlavorQuotas.of("h100", List.of(ResourceQuota.of("nvidia.com/gpu", "8").withLendingLimit(Quantity.of(9))))))).build();
    assertThat(lines(KueueValidation.validate(c))).containsExactly(
        "KUEUE_LIMIT_WITHOUT_COHORT spec.resourceGroups[0].flavors[0].resources[0].lendingLimit: Invalid value: \"9\": must be nil when parent is empty");
    assertThat(KueueValidation.validate(c.withParentName("org"))).isEmpty();
  }

  @Test
  void never_reclaiming_while_preempting_to_borrow_is_refused() {
    ClusterQueue q = QUEUE.withPreemption(Preemption.builder().borrowWithinCohort(BorrowWithinCohortPolicy.LowerPriority).build());
    assertThat(lines(KueueValidation.validate(q))).containsExactly(
        "KUEUE_PREEMPTION_CONFLICT spec.preemption: Invalid value: \"reclaimWithinCohort: Never, borrowWithinCohort.policy: LowerPriority\": reclaimWithinCohort=Never and borrowWithinCohort.Policy!=Never");
  }

  @Test
  void a_preemption_policy_of_the_other_field_is_refused() {
    ClusterQueue q = QUEUE.withPreemption(Preemption.builder()
        .reclaimWithinCohort(PreemptionPolicy.LowerOrNewerEqualPriority).withinClusterQueue(PreemptionPolicy.Any).build());
    assertThat(KueueValidation.validate(q)).extracting(KueueFinding::code)
        .containsExactly(SchedulingCode.KUEUE_VALUE_UNSUPPORTED, SchedulingCode.KUEUE_VALUE_UNSUPPORTED);
  }

  @Test
  void a_fungibility_preference_needs_try_next_flavor_both_ways() {
    ClusterQueue q = QUEUE.withFlavorFungibility(FlavorFungibility.builder().preference(FlavorFungibility.Preference.BorrowingOverPreemption).build());
    assertThat(lines(KueueValidation.validate(q))).containsExactly(
        "KUEUE_FUNGIBILITY_PREFERENCE spec.flavorFungibility.preference: Invalid value: \"BorrowingOverPreemption\": preference \"BorrowingOverPreemption\" requires both whenCanBorrow and whenCanPreempt to be TryNextFlavor");
  }

  @Test
  void a_negative_or_vanishing_fair_sharing_weight_is_refused() {
    assertThat(lines(KueueValidation.validate(QUEUE.withFairSharingWeight(Quantity.parse("-1"))))).containsExactly(
        "KUEUE_FAIR_SHARING_WEIGHT spec.fairSharing: Invalid value: \"-1\": must be greater than or equal to 0");
    assertThat(lines(KueueValidation.validate(QUEUE.withFairSharingWeight(Quantity.parse("1n"))))).containsExactly(
        "KUEUE_FAIR_SHARING_WEIGHT spec.fairSharing: Invalid value: \"1n\": When not 0, weight must be > 10e-9");
    assertThat(KueueValidation.validate(QUEUE.withFairSharingWeight(Quantity.ZERO))).isEmpty();
  }

  @Test
  void an_admission_check_on_a_flavor_the_queue_lacks_is_refused() {
    ClusterQueue q = QUEUE.withAdmissionChecks(AdmissionCheckRule.builder().name("prov").addOnFlavor("a100").build());
    assertThat(lines(KueueValidation.validate(q))).containsExactly(
        "KUEUE_ADMISSION_CHECK_INVALID spec.admissionChecksStrategy.admissionChecks[0].onFlavors[0]: Unsupported value: \"a100\": supported values: \"h100\"");
  }

  @Test
  void an_admission_check_listed_twice_is_refused() {
    ClusterQueue q = QUEUE.withAdmissionChecks(AdmissionCheckRule.of("prov"), AdmissionCheckRule.of("prov"));
    assertThat(lines(KueueValidation.validate(q))).containsExactly(
        "KUEUE_ADMISSION_CHECK_INVALID spec.admissionChecksStrategy.admissionChecks[1].name: Duplicate value: \"prov\"");
  }

  @Test
  void a_cohort_name_that_is_not_a_dns_subdomain_is_refused_with_a_suggestion() {
    List<KueueFinding> found = KueueValidation.validate(QUEUE.withCohortName("Research_Team"));
    assertThat(found).extracting(KueueFinding::code).containsOnly(SchedulingCode.KUEUE_NAME_INVALID);
    assertThat(found.get(0).violation().field()).isEqualTo("spec.cohortName");
    assertThat(found.get(0).hint()).contains("\"research-team\"");
  }

  @Test
  void a_covered_resource_that_is_not_a_qualified_name_is_refused() {
    ClusterQueue q = QUEUE.withResourceGroups(ResourceGroup.of(List.of("gpu!"),
        List.of(FlavorQuotas.of("h100", List.of(ResourceQuota.of("gpu!", "8"))))));
    assertThat(KueueValidation.validate(q)).extracting(f -> f.code() + " " + f.violation().field())
        .containsExactly("KUEUE_NAME_INVALID spec.resourceGroups[0].coveredResources[0]");
  }

  @Test
  void a_namespace_selector_with_an_invalid_value_is_refused() {
    ClusterQueue q = QUEUE.withNamespaceSelector(LabelSelector.builder().putMatchLabel("team", "ML team").build());
    assertThat(KueueValidation.validate(q)).extracting(f -> f.code() + " " + f.violation().field())
        .containsExactly("KUEUE_LABEL_INVALID spec.namespaceSelector.matchLabels[team]");
  }

  @Test
  void a_flavor_with_a_topology_but_no_node_labels_is_refused() {
    ResourceFlavor f = ResourceFlavor.builder().name("h100").topologyName("gpu-topology").build();
    assertThat(lines(KueueValidation.validate(f))).containsExactly(
        "KUEUE_FLAVOR_TOPOLOGY_WITHOUT_LABELS spec: Invalid value: \"topologyName: gpu-topology\": at least one nodeLabel is required when topology is set");
  }

  @Test
  void two_flavor_taints_with_the_same_key_and_effect_are_refused() {
    ResourceFlavor f = ResourceFlavor.builder().name("h100")
        .addNodeTaints(Taint.of("gpu", "a", TaintEffect.NoSchedule), Taint.of("gpu", "b", TaintEffect.NoSchedule),
            Taint.of("gpu", "c", TaintEffect.NoExecute)).build();
    assertThat(lines(KueueValidation.validate(f))).containsExactly(
        "KUEUE_TAINT_DUPLICATE spec.nodeTaints[1]: Duplicate value: \"gpu=b:NoSchedule\": taints must be unique by key and effect pair");
  }

  @Test
  void more_than_eight_flavor_node_labels_are_refused() {
    ResourceFlavor.Builder b = ResourceFlavor.builder().name("h100");
    IntStream.range(0, 9).forEach(i -> b.putNodeLabel("l" + i, "v"));
    assertThat(lines(KueueValidation.validate(b.build()))).containsExactly("KUEUE_TOO_MANY spec.nodeLabels: Too many: \"9\": must have at most 8 items");
  }

  @Test
  void a_flavor_toleration_with_an_invalid_key_is_refused() {
    ResourceFlavor f = ResourceFlavor.builder().name("h100").addToleration(Toleration.exists("bad key")).build();
    assertThat(KueueValidation.validate(f)).extracting(x -> x.code() + " " + x.violation().field())
        .containsOnly("KUEUE_LABEL_INVALID spec.tolerations[0].key");
  }

  @Test
  void a_local_queue_in_an_invalid_namespace_or_without_a_cluster_queue_is_refused() {
    assertThat(KueueValidation.validate(LocalQueue.of("ML", "training", ""))).extracting(x -> x.code() + " " + x.violation().field())
        .containsExactly("KUEUE_NAME_INVALID metadata.namespace", "KUEUE_REQUIRED spec.clusterQueue");
  }

  @Test
  void a_priority_class_description_past_2048_characters_is_refused() {
    WorkloadPriorityClass c = WorkloadPriorityClass.of("high", 1000).withDescription("x".repeat(2049));
    assertThat(lines(KueueValidation.validate(c))).containsExactly(
        "KUEUE_TOO_MANY description: Too long: may not be more than 2048 characters");
  }

  @Test
  void a_topology_with_an_invalid_name_is_refused() {
    assertThat(KueueValidation.validate(Topology.of("GPU", List.of("kubernetes.io/hostname"))))
        .extracting(KueueFinding::code).containsOnly(SchedulingCode.KUEUE_NAME_INVALID);
  }

  @Test
  void require_valid_lists_every_finding_of_every_object_with_the_object_named() {
    KueueObjects objects = KueueObjects.builder()
        .addResourceFlavor(ResourceFlavor.builder().name("h100").topologyName("t").build())
        .addClusterQueue(withGpuQuota(ResourceQuota.of("nvidia.com/gpu", "-8"))).build();
    assertThatThrownBy(() -> KueueValidation.requireValid(objects)).isInstanceOfSatisfying(InvalidSpecException.class, e ->
        assertThat(e.violations()).extracting(v -> v.field()).containsExactly(
            "ResourceFlavor h100: spec", "ClusterQueue gpu: spec.resourceGroups[0].flavors[0].resources[1].nominalQuota"));
  }

  @Test
  void a_finding_becomes_a_diagnostic_with_its_code_path_and_hint() {
    KueueFinding f = KueueValidation.validate(withGpuQuota(ResourceQuota.of("nvidia.com/gpu", "8").withBorrowingLimit(Quantity.of(4)))).get(0);
    assertThat(f.diagnostic().code()).isEqualTo("KUEUE_LIMIT_WITHOUT_COHORT");
    assertThat(f.diagnostic().path()).isEqualTo("ClusterQueue gpu: spec.resourceGroups[0].flavors[0].resources[1].borrowingLimit");
    assertThat(f.diagnostic().hint()).hasValueSatisfying(h -> assertThat(h).contains("spec.cohortName"));
  }
}
