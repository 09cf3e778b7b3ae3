package dev.aiinfra.observability.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.monitor.MonitorKind;
import dev.aiinfra.observability.model.monitor.MonitorSpec;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.observability.model.workload.PodLabels;
import dev.aiinfra.observability.model.workload.PodSlice;
import dev.aiinfra.observability.model.workload.TargetLabels;
import dev.aiinfra.observability.model.workload.WorkloadKind;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Monitors select exactly the workload's pods: pods are generated with the labels their
 * controllers set (KEP-4017, LeaderWorkerSet, JobSet, DisaggregatedSet, agent-sandbox), the
 * monitor's selector and relabelings are evaluated on them as Prometheus does, and the PromQL and
 * kubectl selectors of every index, group and role are checked to pick the same pods.
 */
class WorkloadMonitorsPropertyTest {
  /** A generated pod: its labels and, for the workload under test, the target labels it must get. */
  record FakePod(String name, Map<String, String> labels, String owner, Map<String, String> expected) {}

  /** A workload and the pods its controller would create. */
  record Cluster(MonitoredWorkload workload, boolean viaService, List<FakePod> pods) {}

  static List<FakePod> podsOf(WorkloadKind kind, String name, SplittableRandom r) {
    List<FakePod> pods = new ArrayList<>();
    int groups = 1 + r.nextInt(3);
    int size = 1 + r.nextInt(4);
    switch (kind) {
      case JOBSET -> {
        int global = 0;
        int rjobs = 1 + r.nextInt(2);
        for (int j = 0; j < rjobs; j++) {
          String rjob = j == 0 ? "workers" : "driver";
          int replicas = 1 + r.nextInt(3);
          int completions = 1 + r.nextInt(3);
          for (int ji = 0; ji < replicas; ji++, global++) {
            for (int ci = 0; ci < completions; ci++) {
              Map<String, String> l = Map.of(PodLabels.JOBSET_NAME, name, PodLabels.JOBSET_REPLICATED_JOB, rjob, "jobset.sigs.k8s.io/job-index",
                  "" + ji, PodLabels.JOBSET_JOB_GLOBAL_INDEX, "" + global, PodLabels.JOB_COMPLETION_INDEX, "" + ci, PodLabels.JOB_NAME,
                  name + "-" + rjob + "-" + ji, PodLabels.JOBSET_RESTART_ATTEMPT, "0");
              pods.add(new FakePod(name + "-" + rjob + "-" + ji + "-" + ci, l, name, Map.of(TargetLabels.ROLE, rjob, TargetLabels.GROUP,
                  "" + global, TargetLabels.WORKER, "" + ci, TargetLabels.POD_INDEX, global + "-" + ci, TargetLabels.RESTART_ATTEMPT, "0")));
            }
          }
        }
      }
      case LEADER_WORKER_SET, DISAGGREGATED_SET -> {
        List<String> roles = kind == WorkloadKind.DISAGGREGATED_SET ? List.of("prefill", "decode") : List.of("");
        for (String role : roles) {
          String lws = role.isEmpty() ? name : name + "-" + role;
          for (int g = 0; g < groups; g++) {
            for (int w = 0; w < size; w++) {
              Map<String, String> l = new HashMap<>(Map.of(PodLabels.LWS_NAME, lws, PodLabels.LWS_GROUP_INDEX, "" + g, PodLabels.LWS_WORKER_INDEX,
                  "" + w));
              if (!role.isEmpty()) {
                l.put(PodLabels.DS_NAME, name);
                l.put(PodLabels.DS_ROLE, role);
              }
              String expectedRole = role.isEmpty() ? (w == 0 ? "leader" : "worker") : role;
              pods.add(new FakePod(lws + "-" + g + (w == 0 ? "" : "-" + w), l, name, Map.of(TargetLabels.GROUP, "" + g, TargetLabels.WORKER,
                  "" + w, TargetLabels.POD_INDEX, g + "-" + w, TargetLabels.ROLE, expectedRole)));
            }
          }
        }
      }
      case STATEFUL_SET -> {
        for (int i = 0; i < size * groups; i++) {
          pods.add(new FakePod(name + "-" + i, Map.of("app", name, PodLabels.STATEFULSET_POD_INDEX, "" + i,
              "statefulset.kubernetes.io/pod-name", name + "-" + i), name, Map.of(TargetLabels.POD_INDEX, "" + i)));
        }
      }
      case INDEXED_JOB -> {
        for (int i = 0; i < size * groups; i++) {
          pods.add(new FakePod(name + "-" + i + "-x", Map.of(PodLabels.JOB_NAME, name, PodLabels.JOB_COMPLETION_INDEX, "" + i), name,
              Map.of(TargetLabels.POD_INDEX, "" + i)));
        }
      }
      case SANDBOX -> pods.add(new FakePod(name, Map.of(PodLabels.SANDBOX_NAME_HASH, MonitoredWorkload.sandboxNameHash(name)), name, Map.of()));
      case DEPLOYMENT -> {
        for (int i = 0; i < size; i++) {
          pods.add(new FakePod(name + "-abc-" + i, Map.of("app", name, "pod-template-hash", "abc"), name, Map.of()));
        }
      }
    }
    return pods;
  }

  static final Gen<Cluster> CLUSTERS = r -> {
    WorkloadKind kind = WorkloadKind.values()[r.nextInt(WorkloadKind.values().length)];
    String name = "w" + r.nextInt(5);
    MonitoredWorkload.Builder b = MonitoredWorkload.builder().kind(kind).name(name).namespace("ns");
    if (kind == WorkloadKind.STATEFUL_SET || kind == WorkloadKind.DEPLOYMENT) {
      b.putPodSelector("app", name);
    }
    boolean viaService = r.nextBoolean();
    if (viaService) {
      b.putServiceLabel("app.kubernetes.io/part-of", "everything");
    }
    List<FakePod> pods = new ArrayList<>(podsOf(kind, name, r));
    // Neighbours: other workloads of every kind (other names), and a same-named one of another kind.
    for (int i = 0; i < 3; i++) {
      WorkloadKind other = WorkloadKind.values()[r.nextInt(WorkloadKind.values().length)];
      String neighbour = "n" + i;
      podsOf(other, neighbour, r).forEach(p -> pods.add(new FakePod(p.name(), p.labels(), neighbour, Map.of())));
    }
    if (kind != WorkloadKind.STATEFUL_SET && kind != WorkloadKind.DEPLOYMENT) {
      WorkloadKind other = kind == WorkloadKind.JOBSET ? WorkloadKind.INDEXED_JOB : WorkloadKind.JOBSET;
      podsOf(other, name, r).forEach(p -> pods.add(new FakePod(p.name(), p.labels(), "other-kind", Map.of())));
    }
    return new Cluster(b.build(), viaService, pods);
  };

  /** The target labels Prometheus ends with for {@code pod}, or empty when the monitor does not scrape it. */
  static Optional<Map<String, String>> scrape(MonitorSpec m, FakePod pod, boolean viaService) {
    if (!viaService) {
      // The operator's first relabelings keep pods matching selector.matchLabels.
      boolean selected = m.selector().entrySet().stream().allMatch(e -> e.getValue().equals(pod.labels().get(e.getKey())));
      if (!selected) {
        return Optional.empty();
      }
    }
    // Via a Service selecting every pod of the namespace (the worst case), only the relabelings filter.
    return Relabeler.apply(Relabeler.discovered(pod.labels()), m.endpoints().get(0).relabelings()).map(labels -> {
      Map<String, String> out = new TreeMap<>();
      labels.forEach((k, v) -> {
        if (!k.startsWith("__")) {
          out.put(k, v);
        }
      });
      return out;
    });
  }

  static boolean kubectlSelects(String selector, Map<String, String> labels) {
    for (String term : selector.split(",")) {
      if (term.contains("!=")) {
        String[] kv = term.split("!=", 2);
        if (kv[1].equals(labels.get(kv[0]))) {
          return false;
        }
      } else {
        String[] kv = term.split("=", 2);
        if (!kv[1].equals(labels.get(kv[0]))) {
          return false;
        }
      }
    }
    return true;
  }

  @Test
  void a_monitor_scrapes_exactly_the_workloads_pods_and_labels_each_with_its_index_group_worker_and_role() {
    for (long seed : Seeds.of(20).toArray()) {
      Property.forAll(seed, CLUSTERS, 25, c -> {
        MonitorSpec m = WorkloadMonitors.monitor(c.workload(), MonitoringOptions.defaults());
        assertThat(m.kind()).isEqualTo(c.viaService() ? MonitorKind.SERVICE_MONITOR : MonitorKind.POD_MONITOR);
        for (FakePod pod : c.pods()) {
          Optional<Map<String, String>> target = scrape(m, pod, c.viaService());
          boolean ours = pod.owner().equals(c.workload().name()) && !pod.owner().equals("other-kind");
          assertThat(target.isPresent()).as("%s scraped", pod).isEqualTo(ours);
          target.ifPresent(t -> {
            assertThat(t).containsEntry(TargetLabels.WORKLOAD, c.workload().name()).containsEntry(TargetLabels.WORKLOAD_KIND, c.workload().kind().kind());
            assertThat(t).as(pod.name()).containsAllEntriesOf(pod.expected());
          });
        }
      });
    }
  }

  @Test
  void the_promql_and_kubectl_selectors_of_every_index_group_and_role_pick_the_same_pods() {
    for (long seed : Seeds.of(20).toArray()) {
      Property.forAll(seed, CLUSTERS, 25, c -> {
        MonitoredWorkload w = c.workload();
        MonitorSpec m = WorkloadMonitors.monitor(w, MonitoringOptions.defaults());
        Set<PodSlice> slices = new LinkedHashSet<>();
        slices.add(PodSlice.all());
        for (FakePod pod : c.pods()) {
          if (pod.owner().equals(w.name())) {
            Optional.ofNullable(pod.expected().get(TargetLabels.POD_INDEX)).ifPresent(i -> slices.add(PodSlice.index(i)));
            Optional.ofNullable(pod.expected().get(TargetLabels.GROUP)).ifPresent(g -> slices.add(PodSlice.group(Integer.parseInt(g))));
            Optional.ofNullable(pod.expected().get(TargetLabels.ROLE)).ifPresent(ro -> slices.add(PodSlice.role(ro)));
          }
        }
        for (PodSlice slice : slices) {
          Map<String, String> wanted = new TreeMap<>(PodSelectors.targetLabels(w, slice));
          wanted.put(TargetLabels.WORKLOAD, w.name());
          String kubectl = PodSelectors.kubectl(w, slice);
          for (FakePod pod : c.pods()) {
            boolean byPromql = scrape(m, pod, c.viaService()).map(t -> t.entrySet().containsAll(wanted.entrySet())).orElse(false);
            assertThat(kubectlSelects(kubectl, pod.labels())).as("%s -l %s on %s", slice, kubectl, pod).isEqualTo(byPromql);
          }
          assertThat(PodSelectors.promql(w, slice)).contains("namespace=\"ns\"").contains("workload=\"" + w.name() + "\"");
        }
      });
    }
  }
}
