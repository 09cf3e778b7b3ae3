package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GangPlaceCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private static String resource(String name) {
    try {
      return Path.of(GangPlaceCommandTest.class.getResource("/gang/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(CliRun r) throws IOException {
    return JSON.readTree(r.out);
  }

  @Test
  void a_kueue_jobset_lands_in_one_rack_with_a_pod_to_node_placement() throws IOException {
    CliRun r = CliRun.run("gang", "place", "-f", resource("nodes.yaml"), "-f", resource("topology.yaml"), "-f", resource("jobset.yaml"), "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode j = json(r);
    assertThat(j.get("fits").asBoolean()).isTrue();
    JsonNode group = j.at("/podGroups/0");
    assertThat(group.get("name").asText()).isEqualTo("train");
    assertThat(group.get("placed").asInt()).isEqualTo(16);
    assertThat(group.at("/podSets/0/topologyAssignment/levels")).hasSize(3);
    assertThat(group.at("/podSets/0/topologyAssignment/domains/0/values/1").asText()).isEqualTo(group.at("/podSets/0/topologyAssignment/domains/3/values/1").asText());
    assertThat(group.at("/podSets/0/placements")).hasSize(16);
    assertThat(group.at("/podSets/0/placements/0").toString()).isEqualTo("{\"pod\":\"train-workers-0-0\",\"node\":\"node-b0-r0-h0\"}");
  }

  @Test
  void a_queued_jobset_is_admitted_through_its_cluster_queue_with_flavor_and_quota_shown() throws IOException {
    CliRun r = CliRun.run("gang", "place", "-f", resource("h100-nodes.yaml"), "-f", resource("topology.yaml"), "-f", resource("queues.yaml"),
        "-f", resource("jobset.yaml"), "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode a = json(r).at("/podGroups/0/admission");
    assertThat(a.get("clusterQueue").asText()).isEqualTo("gpu");
    assertThat(a.at("/flavors/0/flavor").asText()).isEqualTo("h100");
    assertThat(a.at("/quota/2/resource").asText()).isEqualTo("nvidia.com/gpu");
    assertThat(a.at("/quota/2/used").asText()).isEqualTo("32");
  }

  @Test
  void a_queued_jobset_over_the_quota_exits_1_with_kueue_s_reason_although_the_nodes_hold_it() throws IOException {
    CliRun r = CliRun.run("gang", "place", "-f", resource("h100-nodes.yaml"), "-f", resource("topology.yaml"), "-f", resource("queues-16-gpus.yaml"),
        "-f", resource("jobset.yaml"));
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCodes.NEGATIVE);
    assertThat(r.out).contains("KUEUE_QUOTA_EXCEEDED").contains("insufficient quota for nvidia.com/gpu in flavor h100")
        .contains("CLUSTERQUEUE");
  }

  @Test
  void a_native_pod_group_uses_its_min_count_and_topology_key() throws IOException {
    CliRun r = CliRun.run("gang", "place", "-f", resource("nodes.yaml"), "-f", resource("native.yaml"), "-o", "json");
    JsonNode g = json(r).at("/podGroups/0");
    assertThat(g.get("minCount").asInt()).isEqualTo(3);
    assertThat(g.get("placed").asInt()).isEqualTo(4);
    assertThat(r.err).contains("GATE_OFF").contains("TopologyAwareWorkloadScheduling");
  }

  @Test
  void no_gate_warning_when_the_gates_are_on() {
    CliRun r = CliRun.run("gang", "place", "-f", resource("nodes.yaml"), "-f", resource("native.yaml"),
        "--feature-gates", "GenericWorkload=true,GangScheduling=true,TopologyAwareWorkloadScheduling=true");
    assertThat(r.err).doesNotContain("GATE_OFF");
  }

  @Test
  void a_gang_that_does_not_fit_exits_1_with_kueues_reason() throws IOException {
    String big = Files.readString(Path.of(resource("jobset.yaml"))).replace("replicas: 2", "replicas: 5");
    Path f = dir.resolve("big.yaml");
    Files.writeString(f, big);
    CliRun r = CliRun.run("gang", "place", "-f", resource("nodes.yaml"), "-f", resource("topology.yaml"), "-f", f.toString(), "-o", "json");
    assertThat(r.exit).isEqualTo(ExitCodes.NEGATIVE);
    JsonNode j = json(r);
    assertThat(j.get("fits").asBoolean()).isFalse();
    assertThat(j.at("/podGroups/0/placed").asInt()).isZero();
    assertThat(j.at("/reasons/0").toString())
        .isEqualTo("{\"code\":\"GANG_TOPOLOGY_NOT_FIT\",\"message\":\"train: topology \\\"gpu-topology\\\" allows to fit only 16 out of 40 pod(s)\"}");
  }

  @Test
  void topology_levels_can_come_from_the_command_line() throws IOException {
    String jobset = Files.readString(Path.of(resource("jobset.yaml")));
    Path f = dir.resolve("js.yaml");
    Files.writeString(f, jobset);
    CliRun r = CliRun.run("gang", "place", "-f", resource("nodes.yaml"), "-f", f.toString(), "--topology-levels",
        "cloud.example.com/block,cloud.example.com/rack,kubernetes.io/hostname", "-o", "json");
    assertThat(json(r).at("/podGroups/0/podSets/0/topologyAssignment/levels/1").asText()).isEqualTo("cloud.example.com/rack");
  }

  @Test
  void pods_referencing_a_missing_pod_group_are_invalid_input() throws IOException {
    Path f = dir.resolve("p.yaml");
    Files.writeString(f, "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  schedulingGroup: {podGroupName: nope}\n  containers: [{name: c, image: i}]\n");
    CliRun r = CliRun.run("gang", "place", "-f", resource("nodes.yaml"), "-f", f.toString());
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains("p.yaml: document 0: spec.schedulingGroup.podGroupName").contains("PodGroup default/nope is not in the input");
  }

  @Test
  void fewer_pods_than_min_count_is_a_negative_answer_with_the_reason() throws IOException {
    Path f = dir.resolve("few.yaml");
    Files.writeString(f, Files.readString(Path.of(resource("native.yaml"))).replace("minCount: 3", "minCount: 9"));
    CliRun r = CliRun.run("gang", "place", "-f", resource("nodes.yaml"), "-f", f.toString(), "-o", "json");
    assertThat(r.exit).isEqualTo(ExitCodes.NEGATIVE);
    assertThat(json(r).at("/reasons/0/code").asText()).isEqualTo("GANG_TOO_FEW_PODS");
  }

  @Test
  void objects_gang_place_does_not_read_are_refused() throws IOException {
    Path f = dir.resolve("cm.yaml");
    Files.writeString(f, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    CliRun r = CliRun.run("gang", "place", "-f", f.toString());
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains("cm.yaml: document 0: kind: Unsupported value: \"ConfigMap\"");
  }

  private static final String LEADER_AND_WORKERS = String.join("\n",
      "apiVersion: v1", "kind: Node", "metadata: {name: h1, labels: {kubernetes.io/hostname: h1}}",
      "status: {allocatable: {cpu: \"2\", pods: \"10\"}, conditions: [{type: Ready, status: \"True\"}]}", "---",
      "apiVersion: v1", "kind: Node", "metadata: {name: h2, labels: {kubernetes.io/hostname: h2}}",
      "status: {allocatable: {cpu: \"1\", pods: \"10\"}, conditions: [{type: Ready, status: \"True\"}]}",
      pod("w-0", "workers"), pod("w-1", "workers"), pod("l-0", "leader"));

  private static String pod(String name, String role) {
    return String.join("\n", "---", "apiVersion: v1", "kind: Pod",
        "metadata: {name: " + name + ", labels: {kueue.x-k8s.io/pod-group-name: g, kueue.x-k8s.io/podset: " + role + "},"
            + " annotations: {kueue.x-k8s.io/pod-group-total-count: \"3\", TOPOLOGY, kueue.x-k8s.io/podset-group-name: lw}}",
        "spec: {containers: [{name: m, image: x, resources: {requests: {cpu: \"1\"}}}]}");
  }

  /** Issue 15 #8: a pod set's topology request is checked with the pod set and reported below {@code topology}. */
  @Test
  void a_slice_size_without_a_slice_level_is_refused_at_the_topology_request() throws IOException {
    Path f = dir.resolve("lw.yaml");
    Files.writeString(f, LEADER_AND_WORKERS.replace("TOPOLOGY", "kueue.x-k8s.io/podset-slice-size: \"2\""));
    CliRun r = CliRun.run("gang", "place", "-f", f.toString());
    assertThat(r.exit).as(r.toString()).isEqualTo(2);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains(f.toString(), "topology.sliceLevel: Required value: a slice size needs a slice level").doesNotContain("\tat ");
  }

  /** Kueue v0.19.2 (jobframework.NewPodSetTopologyRequest) keeps podset-group-name only next to a required or preferred level. */
  @Test
  void a_podset_group_without_a_level_is_placed_as_independent_pod_sets() throws IOException {
    Path f = dir.resolve("lw.yaml");
    Files.writeString(f, LEADER_AND_WORKERS.replace("TOPOLOGY", "kueue.x-k8s.io/podset-unconstrained-topology: \"true\""));
    CliRun r = CliRun.run("gang", "place", "-f", f.toString(), "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode sets = json(r).at("/podGroups/0/podSets");
    assertThat(sets.at("/0/topologyAssignment/domains").toString()).isEqualTo("[{\"values\":[\"h1\"],\"count\":2}]");
    assertThat(sets.at("/1/topologyAssignment/domains").toString()).isEqualTo("[{\"values\":[\"h2\"],\"count\":1}]");
  }

  @Test
  void a_podset_group_with_a_required_level_places_leader_and_workers_in_one_domain() throws IOException {
    Path f = dir.resolve("lw.yaml");
    Files.writeString(f, LEADER_AND_WORKERS.replace("TOPOLOGY", "kueue.x-k8s.io/podset-required-topology: kubernetes.io/hostname"));
    CliRun r = CliRun.run("gang", "place", "-f", f.toString(), "-o", "json");
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    assertThat(json(r).at("/reasons/0/message").asText()).isEqualTo("g: topology \"default\" allows to fit only 2 out of 2 pod(s)");
  }

  private static String plainJobSet(String namespace, String name, int pods, String gpus) {
    return String.join("\n", "---", "apiVersion: jobset.x-k8s.io/v1alpha2", "kind: JobSet",
        "metadata: {name: " + name + ", namespace: " + namespace + "}",
        "spec:", "  replicatedJobs:", "  - name: workers", "    replicas: 1", "    template:", "      spec:",
        "        parallelism: " + pods, "        completions: " + pods, "        template:", "          spec:",
        "            restartPolicy: Never",
        "            containers: [{name: c, image: x, resources: {limits: {nvidia.com/gpu: \"" + gpus + "\"}}}]", "");
  }

  @Test
  void jobsets_with_the_same_replicated_job_name_get_one_row_each() throws IOException {
    Path f = dir.resolve("two.yaml");
    Files.writeString(f, plainJobSet("ml", "a", 2, "1") + plainJobSet("ml", "b", 2, "1") + plainJobSet("research", "a", 2, "1"));
    CliRun r = CliRun.run("gang", "place", "-f", resource("nodes.yaml"), "-f", f.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("ml/JobSet/a/workers ", "ml/JobSet/b/workers ", "research/JobSet/a/workers ");
  }

  @Test
  void json_pod_groups_name_their_namespace_owner_group_and_fit() throws IOException {
    Path f = dir.resolve("two.yaml");
    Files.writeString(f, plainJobSet("ml", "a", 2, "1") + plainJobSet("research", "a", 2, "1"));
    CliRun r = CliRun.run("gang", "place", "-f", resource("nodes.yaml"), "-f", f.toString(), "-o", "json");
    JsonNode groups = json(r).get("podGroups");
    assertThat(groups.get(0).toString()).startsWith(
        "{\"name\":\"workers\",\"namespace\":\"ml\",\"ownerKind\":\"JobSet\",\"ownerName\":\"a\",\"group\":\"workers\","
            + "\"minCount\":2,\"placed\":2,\"fits\":true,");
    assertThat(groups.get(1).get("namespace").asText()).isEqualTo("research");
  }

  @Test
  void a_gang_that_does_not_fit_says_so_in_its_own_json_entry() throws IOException {
    Path f = dir.resolve("big.yaml");
    Files.writeString(f, plainJobSet("ml", "small", 1, "1") + plainJobSet("ml", "huge", 1, "9"));
    CliRun r = CliRun.run("gang", "place", "-f", resource("nodes.yaml"), "-f", f.toString(), "-o", "json");
    assertThat(r.exit).isEqualTo(ExitCodes.NEGATIVE);
    assertThat(json(r).at("/podGroups/0/fits").asBoolean()).isTrue();
    assertThat(json(r).at("/podGroups/1/fits").asBoolean()).isFalse();
  }

  @Test
  void pods_no_workload_groups_are_not_called_a_workload() throws IOException {
    Path f = dir.resolve("one.yaml");
    Files.writeString(f, plainJobSet("ml", "a", 2, "1"));
    CliRun r = CliRun.run("gang", "place", "-f", resource("nodes.yaml"), "-f", f.toString());
    assertThat(r.out).containsPattern("ml/JobSet/a/workers +none ")
        .contains("KIND none: no Workload, PodGroup or Kueue queue groups these pods");
  }

  @Test
  void a_where_list_cut_short_says_how_many_entries_are_left_out() throws IOException {
    Path f = dir.resolve("wide.yaml");
    Files.writeString(f, plainJobSet("ml", "wide", 6, "8"));
    CliRun r = CliRun.run("gang", "place", "-f", resource("nodes.yaml"), "-f", f.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("node-b0-r0-h0, node-b0-r0-h1, node-b0-r0-h2, node-b0-r0-h3, … (+2)");
  }
}
