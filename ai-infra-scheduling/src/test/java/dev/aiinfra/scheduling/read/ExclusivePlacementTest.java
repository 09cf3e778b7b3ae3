package dev.aiinfra.scheduling.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.scheduling.policy.placement.GangPlacement;
import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PodNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code gang place} honours JobSet and LeaderWorkerSet exclusive placement: one Job (or LWS group) per domain. */
class ExclusivePlacementTest {
  private static final String RACK = "cloud.example.com/rack";

  private static String nodes(int racks, int hostsPerRack) {
    StringBuilder b = new StringBuilder();
    for (int r = 0; r < racks; r++) {
      for (int h = 0; h < hostsPerRack; h++) {
        String name = "n-" + r + "-" + h;
        b.append("""
            apiVersion: v1
            kind: Node
            metadata: {name: %s, labels: {kubernetes.io/hostname: %s, %s: r%d}}
            status:
              allocatable: {cpu: "64", memory: 256Gi, pods: "110"}
              conditions: [{type: Ready, status: "True"}]
            ---
            """.formatted(name, name, RACK, r));
      }
    }
    return b.toString();
  }

  private static String jobSet(String jobSetAnnotations, String jobTemplateAnnotations) {
    return """
        apiVersion: jobset.x-k8s.io/v1alpha2
        kind: JobSet
        metadata: {name: train, namespace: ml%s}
        spec:
          replicatedJobs:
          - name: workers
            replicas: 2
            template:
              %s
              spec:
                parallelism: 2
                completions: 2
                completionMode: Indexed
                template:
                  spec:
                    containers: [{name: c, image: x, resources: {requests: {cpu: "1"}}}]
        """.formatted(jobSetAnnotations, jobTemplateAnnotations);
  }

  private static final String EXCLUSIVE = ", annotations: {alpha.jobset.sigs.k8s.io/exclusive-topology: " + RACK + "}";

  private static GangResult place(String yaml) {
    List<SourcedObject> objects = ManifestReader.withDefaults().readString("in.yaml", yaml);
    GangInputs in = GangInputs.read(objects, List.of());
    return GangPlacement.place(in.model(), in.gangs(), in.options()).gangs().get(0);
  }

  /** The racks each Job's pods landed in, by Job ({@code train-workers-0}). */
  private static Map<String, Set<String>> racksByJob(GangResult r) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (PodNode p : r.podSets().stream().flatMap(ps -> ps.placements().stream()).toList()) {
      String job = p.pod().substring(0, p.pod().lastIndexOf('-'));
      out.computeIfAbsent(job, k -> new TreeSet<>()).add(p.node().substring(0, p.node().lastIndexOf('-')));
    }
    return out;
  }

  @Test
  void two_exclusive_jobs_do_not_share_a_rack() {
    // the regression: before exclusive placement was modelled, both Jobs fit in the one rack
    GangResult r = place(nodes(1, 4) + jobSet(EXCLUSIVE, ""));
    assertThat(r.fits()).isFalse();
    assertThat(r.reasons()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(SchedulingCode.GANG_POD_ANTI_AFFINITY.name());
      assertThat(d.message()).contains("pod train-workers-1-0").contains("4 node(s) didn't match pod anti-affinity rules");
    });
  }

  @Test
  void a_kueue_admission_that_puts_two_exclusive_jobs_in_one_rack_leaves_pods_pending() {
    String queued = ", labels: {kueue.x-k8s.io/queue-name: gpu}" + EXCLUSIVE;
    GangResult r = place(nodes(1, 4) + jobSet(queued, ""));
    assertThat(r.fits()).isFalse();
    assertThat(r.reasons()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(SchedulingCode.GANG_POD_ANTI_AFFINITY.name());
      assertThat(d.message()).startsWith("Kueue's topology assignment puts pod train-workers-1-0 on node ")
          .contains("where kube-scheduler keeps it Pending: node(s) didn't match pod anti-affinity rules");
    });
  }

  @Test
  void without_the_annotation_two_jobs_share_a_rack() {
    assertThat(place(nodes(1, 4) + jobSet("", "")).fits()).isTrue();
  }

  @Test
  void each_exclusive_job_gets_a_rack_of_its_own() {
    GangResult r = place(nodes(2, 2) + jobSet(EXCLUSIVE, ""));
    assertThat(r.fits()).isTrue();
    Map<String, Set<String>> racks = racksByJob(r);
    assertThat(racks).hasSize(2).allSatisfy((job, rs) -> assertThat(rs).hasSize(1));
    assertThat(racks.values().stream().flatMap(Set::stream).collect(Collectors.toSet())).hasSize(2);
  }

  @Test
  void the_replicated_job_form_is_honoured_too() {
    String onTemplate = "metadata: {annotations: {alpha.jobset.sigs.k8s.io/exclusive-topology: " + RACK + "}}";
    assertThat(place(nodes(1, 4) + jobSet("", onTemplate)).fits()).isFalse();
    assertThat(place(nodes(2, 2) + jobSet("", onTemplate)).fits()).isTrue();
  }

  @Test
  void the_node_selector_strategy_leaves_the_pods_to_the_node_labels() {
    String strategy = ", annotations: {alpha.jobset.sigs.k8s.io/exclusive-topology: " + RACK + ", alpha.jobset.sigs.k8s.io/node-selector: \"true\"}";
    assertThat(place(nodes(1, 4) + jobSet(strategy, "")).fits()).isTrue();
  }

  private static String lws(String annotations) {
    return """
        apiVersion: leaderworkerset.x-k8s.io/v1
        kind: LeaderWorkerSet
        metadata: {name: serve, namespace: ml%s}
        spec:
          replicas: 2
          leaderWorkerTemplate:
            size: 2
            workerTemplate:
              spec:
                containers: [{name: c, image: x, resources: {requests: {cpu: "1"}}}]
        """.formatted(annotations);
  }

  private static List<GangResult> placeAll(String yaml) {
    GangInputs in = GangInputs.read(ManifestReader.withDefaults().readString("in.yaml", yaml), List.of());
    return GangPlacement.place(in.model(), in.gangs(), in.options()).gangs();
  }

  @Test
  void an_exclusive_leader_worker_set_gets_a_rack_per_group() {
    String exclusive = ", annotations: {leaderworkerset.sigs.k8s.io/exclusive-topology: " + RACK + "}";
    // each LWS group is a gang of its own; the second finds the only rack taken by the first
    List<GangResult> crowded = placeAll(nodes(1, 4) + lws(exclusive));
    assertThat(crowded).extracting(GangResult::fits).containsExactly(true, false);
    assertThat(crowded.get(1).reasons()).extracting(d -> d.code()).containsExactly(SchedulingCode.GANG_POD_ANTI_AFFINITY.name());
    assertThat(placeAll(nodes(2, 2) + lws(exclusive))).extracting(GangResult::fits).containsExactly(true, true);
    assertThat(placeAll(nodes(1, 4) + lws(""))).extracting(GangResult::fits).containsExactly(true, true);
  }
}
