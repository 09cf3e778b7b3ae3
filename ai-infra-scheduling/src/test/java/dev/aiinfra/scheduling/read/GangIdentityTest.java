package dev.aiinfra.scheduling.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangOwner;
import dev.aiinfra.scheduling.policy.placement.GangPlacement;
import dev.aiinfra.scheduling.policy.placement.GangResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every gang read for placement names the object it belongs to, so that results tell equally named gangs apart (issue 15, defect 3). */
class GangIdentityTest {
  private static final String NODE = "apiVersion: v1\nkind: Node\nmetadata: {name: n, labels: {kubernetes.io/hostname: n}}\n"
      + "status:\n  allocatable: {cpu: '64', memory: 512Gi, pods: '110'}\n";

  private static String jobSet(String namespace, String name, String labels) {
    return "---\napiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: " + name + ", namespace: " + namespace + labels + "}\n"
        + "spec:\n  replicatedJobs:\n  - name: workers\n    replicas: 1\n    template:\n      spec:\n        parallelism: 2\n        completions: 2\n"
        + "        template:\n          spec:\n            restartPolicy: Never\n            containers: [{name: c, image: x, resources: {requests: {cpu: '1'}}}]\n";
  }

  private static GangInputs read(String yaml) {
    return GangInputs.read(ManifestReader.withDefaults().readString("in.yaml", yaml), List.of());
  }

  private static List<GangResult> place(String yaml) {
    GangInputs in = read(yaml);
    return GangPlacement.place(in.cluster(), in.gangs(), in.options()).gangs();
  }

  @Test
  void jobsets_with_the_same_replicated_job_name_are_told_apart_by_namespace_owner_and_group() {
    List<GangResult> results = place(NODE + jobSet("ml", "a", "") + jobSet("ml", "b", "") + jobSet("research", "a", ""));
    assertThat(results).extracting(GangResult::name).containsOnly("workers");
    assertThat(results).extracting(GangResult::id)
        .containsExactly("ml/JobSet/a/workers", "ml/JobSet/b/workers", "research/JobSet/a/workers");
  }

  @Test
  void pods_no_gang_object_groups_are_not_called_a_workload() {
    GangResult r = place(NODE + jobSet("ml", "a", "")).get(0);
    assertThat(r.owner()).contains(GangOwner.of("JobSet", "a", "workers"));
    assertThat(r.gangApi()).isEqualTo("none");
  }

  @Test
  void a_kueue_queued_job_and_jobset_of_the_same_name_are_two_gangs() {
    String job = "---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: a, namespace: ml, labels: {kueue.x-k8s.io/queue-name: q}}\n"
        + "spec:\n  parallelism: 1\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: x, resources: {requests: {cpu: '1'}}}]\n";
    List<Gang> gangs = read(NODE + job + jobSet("ml", "a", ", labels: {kueue.x-k8s.io/queue-name: q}")).gangs();
    assertThat(gangs).extracting(g -> g.owner().map(GangOwner::path).orElse("")).containsExactly("Job/a", "JobSet/a");
    assertThat(gangs).extracting(Gang::totalPods).containsExactly(1, 2);
  }

  @Test
  void a_native_pod_group_is_its_own_owner_and_schedules_as_a_workload() {
    String yaml = NODE + "---\napiVersion: scheduling.k8s.io/v1alpha2\nkind: PodGroup\nmetadata: {name: g, namespace: ml}\n"
        + "spec: {schedulingPolicy: {gang: {minCount: 1}}}\n"
        + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ml}\nspec:\n  schedulingGroup: {podGroupName: g}\n"
        + "  containers: [{name: c, image: x}]\n";
    GangResult r = place(yaml).get(0);
    assertThat(r.id()).isEqualTo("ml/PodGroup/g");
    assertThat(r.gangApi()).isEqualTo("workload");
  }

  @Test
  void a_kueue_pod_group_of_plain_pods_is_named_by_its_group() {
    String yaml = NODE + "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ml\n"
        + "  labels: {kueue.x-k8s.io/pod-group-name: grp}\n  annotations: {kueue.x-k8s.io/pod-group-total-count: '1'}\n"
        + "spec:\n  containers: [{name: c, image: x}]\n";
    GangResult r = place(yaml).get(0);
    assertThat(r.owner()).isEqualTo(Optional.empty());
    assertThat(r.id()).isEqualTo("ml/grp");
    assertThat(r.gangApi()).isEqualTo("kueue");
  }

  @Test
  void a_gang_that_is_refused_before_placement_keeps_its_owner() {
    String yaml = NODE + "---\napiVersion: scheduling.k8s.io/v1alpha2\nkind: PodGroup\nmetadata: {name: g, namespace: ml}\n"
        + "spec: {schedulingPolicy: {gang: {minCount: 5}}}\n"
        + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ml}\nspec:\n  schedulingGroup: {podGroupName: g}\n"
        + "  containers: [{name: c, image: x}]\n";
    assertThat(read(yaml).rejected()).extracting(GangResult::id).containsExactly("ml/PodGroup/g");
  }
}
