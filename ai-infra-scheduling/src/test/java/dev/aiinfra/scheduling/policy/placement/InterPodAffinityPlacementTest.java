package dev.aiinfra.scheduling.policy.placement;

import static dev.aiinfra.scheduling.policy.placement.Fixtures.RACK;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.inventory.BoundPod;
import dev.aiinfra.core.model.node.PodAffinityTerm;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.InterPodRules;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.scheduling.model.Topology;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Native gangs pass kube-scheduler's InterPodAffinity filter: required terms, bound pods' anti-affinity, in upstream's order and wording. */
class InterPodAffinityPlacementTest {
  private static List<ClusterNode> nodes() {
    return List.of(node("a1", "b1", "ra", 64, 8), node("a2", "b1", "ra", 64, 8), node("b1", "b1", "rb", 64, 8), node("b2", "b1", "rb", 64, 8));
  }

  private static PodAffinityTerm term(String topologyKey, String label, String value) {
    return PodAffinityTerm.builder().labelSelector(LabelSelector.builder().putMatchLabel(label, value).build()).topologyKey(topologyKey).build();
  }

  private static Gang gang(String name, int pods, InterPodRules rules) {
    return Gang.builder().name(name).kind(GangKind.WORKLOAD)
        .addPodSets(PodSet.builder().name("p").count(pods).requests(ResourceList.of("cpu", "1"))
            .interPod(Collections.nCopies(pods, rules)).build()).build();
  }

  private static List<GangResult> place(ClusterState state, Gang... gangs) {
    return GangPlacement.place(state, List.of(gangs), PlacementOptions.defaults()).gangs();
  }

  private static List<String> nodesOf(GangResult r) {
    return r.podSets().get(0).placements().stream().map(PodNode::node).toList();
  }

  private static final InterPodRules SPREAD = InterPodRules.builder().putLabel("app", "x")
      .addRequiredAntiAffinity(term(Topology.HOSTNAME, "app", "x")).build();

  @Test
  void hostname_anti_affinity_puts_one_pod_per_node() {
    GangResult r = place(ClusterState.of(nodes()), gang("spread", 4, SPREAD)).get(0);
    assertThat(r.fits()).isTrue();
    assertThat(nodesOf(r)).doesNotHaveDuplicates().hasSize(4);
  }

  @Test
  void more_pods_than_nodes_under_hostname_anti_affinity_do_not_fit_with_the_upstream_reason() {
    GangResult r = place(ClusterState.of(nodes()), gang("spread", 5, SPREAD)).get(0);
    assertThat(r.fits()).isFalse();
    assertThat(r.reasons()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(SchedulingCode.GANG_POD_ANTI_AFFINITY.name());
      assertThat(d.message()).endsWith("pod p-4: 0/4 nodes are available: 4 node(s) didn't match pod anti-affinity rules.");
    });
  }

  @Test
  void required_affinity_follows_a_bound_pod_into_its_rack() {
    BoundPod db = BoundPod.builder().namespace("default").name("db").node("b2").requests(ResourceList.of("cpu", "1")).putLabel("app", "db").build();
    ClusterState state = ClusterState.builder().nodes(nodes()).putUsage("b2", db.usage()).addPods(db).build();
    GangResult r = place(state, gang("near-db", 3, InterPodRules.builder().addRequiredAffinity(term(RACK, "app", "db")).build())).get(0);
    assertThat(r.fits()).isTrue();
    assertThat(nodesOf(r)).allMatch(n -> n.startsWith("b"));
  }

  @Test
  void affinity_to_pods_that_exist_nowhere_does_not_fit() {
    GangResult r = place(ClusterState.of(nodes()), gang("lonely", 1, InterPodRules.builder().addRequiredAffinity(term(RACK, "app", "db")).build())).get(0);
    assertThat(r.fits()).isFalse();
    assertThat(r.reasons()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(SchedulingCode.GANG_POD_AFFINITY.name());
      assertThat(d.message()).contains("4 node(s) didn't match pod affinity rules");
    });
  }

  @Test
  void the_first_pod_of_a_group_with_affinity_to_itself_may_start_anywhere() {
    InterPodRules together = InterPodRules.builder().putLabel("app", "x").addRequiredAffinity(term(RACK, "app", "x")).build();
    GangResult r = place(ClusterState.of(nodes()), gang("together", 4, together)).get(0);
    assertThat(r.fits()).isTrue();
    assertThat(nodesOf(r)).extracting(n -> n.substring(0, 1)).containsOnly(nodesOf(r).get(0).substring(0, 1));
  }

  @Test
  void a_bound_pods_anti_affinity_keeps_the_gang_out_of_its_rack() {
    BoundPod quiet = BoundPod.builder().name("quiet").node("a1").requests(ResourceList.empty())
        .addRequiredAntiAffinity(term(RACK, "app", "noisy")).build();
    ClusterState state = ClusterState.builder().nodes(nodes()).addPods(quiet).build();
    GangResult r = place(state, gang("noisy", 2, InterPodRules.builder().putLabel("app", "noisy").build())).get(0);
    assertThat(r.fits()).isTrue();
    assertThat(nodesOf(r)).allMatch(n -> n.startsWith("b"));
    GangResult crowded = place(state, gang("noisy", 2, InterPodRules.builder().putLabel("app", "noisy").addRequiredAntiAffinity(term(Topology.HOSTNAME, "app", "noisy")).build()),
        gang("more", 1, InterPodRules.builder().putLabel("app", "noisy").addRequiredAntiAffinity(term(Topology.HOSTNAME, "app", "noisy")).build())).get(1);
    assertThat(crowded.fits()).isFalse();
    assertThat(crowded.reasons().get(0).message()).contains("2 node(s) didn't satisfy existing pods anti-affinity rules");
  }

  @Test
  void terms_without_namespaces_look_in_their_own_namespace_only() {
    BoundPod other = BoundPod.builder().namespace("other").name("x").node("a1").requests(ResourceList.empty()).putLabel("app", "x").build();
    ClusterState state = ClusterState.builder().nodes(nodes()).addPods(other).build();
    InterPodRules shunOwnNamespace = InterPodRules.builder().addRequiredAntiAffinity(term(RACK, "app", "x")).build();
    // LeastAllocated spreads the four pods over the four nodes when nothing keeps them out of rack ra
    assertThat(nodesOf(place(state, gang("g", 4, shunOwnNamespace)).get(0))).anyMatch(n -> n.startsWith("a"));
    PodAffinityTerm everywhere = PodAffinityTerm.builder().from(term(RACK, "app", "x")).namespaceSelector(LabelSelector.builder().build()).build();
    assertThat(nodesOf(place(state, gang("g", 4, InterPodRules.builder().addRequiredAntiAffinity(everywhere).build())).get(0)))
        .allMatch(n -> n.startsWith("b"));
    PodAffinityTerm byName = PodAffinityTerm.builder().from(term(RACK, "app", "x"))
        .namespaceSelector(LabelSelector.builder().putMatchLabel(PodAffinityTerm.NAMESPACE_NAME_LABEL, "other").build()).build();
    assertThat(nodesOf(place(state, gang("g", 4, InterPodRules.builder().addRequiredAntiAffinity(byName).build())).get(0)))
        .allMatch(n -> n.startsWith("b"));
  }

  @Test
  void a_gang_placed_earlier_repels_a_later_one() {
    InterPodRules exclusive = InterPodRules.builder().putLabel("team", "a").addRequiredAntiAffinity(
        PodAffinityTerm.builder().labelSelector(LabelSelector.builder().addMatchExpressions(LabelSelector.Requirement.of("team", LabelSelector.Operator.Exists),
            LabelSelector.Requirement.of("team", LabelSelector.Operator.NotIn, "a")).build()).topologyKey(RACK).build()).build();
    InterPodRules teamB = InterPodRules.builder().putLabel("team", "b").build();
    List<GangResult> r = place(ClusterState.of(nodes()), gang("a", 2, exclusive), gang("b", 2, teamB));
    assertThat(r).extracting(GangResult::fits).containsExactly(true, true);
    String rackOfA = nodesOf(r.get(0)).get(0).substring(0, 1);
    assertThat(nodesOf(r.get(1))).noneMatch(n -> n.startsWith(rackOfA));
  }

  @Test
  void a_gang_that_does_not_fit_leaves_no_pods_behind_for_the_filter() {
    InterPodRules x = InterPodRules.builder().putLabel("app", "x").build();
    // 300 pods need 300 cpus (4 nodes × 64): refused, so its pods must not repel the next gang
    Gang big = gang("big", 300, x);
    Gang shy = gang("shy", 1, InterPodRules.builder().addRequiredAntiAffinity(term(RACK, "app", "x")).build());
    assertThat(place(ClusterState.of(nodes()), big, shy)).extracting(GangResult::fits).containsExactly(false, true);
  }

  @Test
  void a_gang_with_members_bound_stays_in_their_rack() {
    Gang g = Gang.builder().name("train").kind(GangKind.WORKLOAD).topologyKey(RACK).minCount(3).putBoundMember("train-0", "b1")
        .addPodSets(PodSet.builder().name("p").count(2).requests(ResourceList.of("cpu", "1")).build()).build();
    // rack ra is empty and would win on PodGroupPodsCount alone; the bound member pins rb
    GangResult r = place(ClusterState.of(nodes()), g).get(0);
    assertThat(r.fits()).isTrue();
    assertThat(r.placed()).isEqualTo(2);
    assertThat(r.where()).allMatch(w -> w.startsWith("rb/"));
  }

  @Test
  void bound_members_count_towards_min_count() {
    Gang g = Gang.builder().name("train").kind(GangKind.WORKLOAD).minCount(3).putBoundMember("train-0", "a1")
        .addPodSets(PodSet.builder().name("p").count(2).requests(ResourceList.of("cpu", "1")).build()).build();
    assertThat(place(ClusterState.of(nodes()), g).get(0).fits()).isTrue();
  }

  @Test
  void a_pinned_domain_without_room_does_not_fit_even_if_another_has_room() {
    Gang g = Gang.builder().name("train").kind(GangKind.WORKLOAD).topologyKey(RACK).minCount(3).putBoundMember("train-0", "b1")
        .addPodSets(PodSet.builder().name("p").count(2).requests(ResourceList.of("cpu", "64")).build()).build();
    ClusterState state = ClusterState.builder().nodes(nodes()).putUsage("b2", ResourceList.of("cpu", "64")).putUsage("b1", ResourceList.of("cpu", "1")).build();
    GangResult r = place(state, g).get(0);
    assertThat(r.fits()).isFalse();
    assertThat(r.reasons().get(0).message()).contains("in " + RACK + "=rb, where 1 pods of the group are bound");
  }

  @Test
  void bound_members_in_two_racks_leave_the_domain_unknown() {
    Gang g = Gang.builder().name("train").kind(GangKind.WORKLOAD).topologyKey(RACK).minCount(1).putBoundMember("train-0", "a1").putBoundMember("train-1", "b1")
        .addPodSets(PodSet.builder().name("p").count(1).requests(ResourceList.of("cpu", "1")).build()).build();
    GangResult r = place(ClusterState.of(nodes()), g).get(0);
    assertThat(r.fits()).isFalse();
    assertThat(r.reasons()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(SchedulingCode.GANG_BOUND_DOMAIN_UNKNOWN.name());
      assertThat(d.message()).isEqualTo("cannot determine domain for already scheduled pods: more than 1 domain found for pod group: ra, rb");
    });
  }

  @Test
  void a_kueue_assignment_that_breaks_anti_affinity_is_refused_after_admission() {
    InterPodRules spread = InterPodRules.builder().putLabel("app", "x").addRequiredAntiAffinity(term(Topology.HOSTNAME, "app", "x")).build();
    Gang g = Gang.builder().name("train").kind(GangKind.KUEUE).addPodSets(PodSet.builder().name("p").count(2).requests(ResourceList.of("cpu", "1"))
        .topology(dev.aiinfra.scheduling.model.TopologyRequest.required(Topology.HOSTNAME)).interPod(Collections.nCopies(2, spread)).build()).build();
    GangResult r = place(ClusterState.of(nodes()), g).get(0);
    assertThat(r.fits()).isFalse();
    assertThat(r.reasons()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(SchedulingCode.GANG_POD_ANTI_AFFINITY.name());
      assertThat(d.message()).contains("Kueue's topology assignment puts pod p-1 on node").contains("didn't match pod anti-affinity rules");
    });
    assertThat(Optional.of(r.placed())).contains(0);
  }

  @Test
  void no_terms_anywhere_leaves_the_placement_as_before() {
    Gang plain = Gang.builder().name("g").kind(GangKind.WORKLOAD)
        .addPodSets(PodSet.builder().name("p").count(6).requests(ResourceList.of("cpu", "1")).build()).build();
    Gang labelled = Gang.builder().from(plain).podSets(List.of(PodSet.builder().from(plain.podSets().get(0))
        .interPod(Collections.nCopies(6, InterPodRules.builder().putLabel("app", "x").build())).build())).build();
    assertThat(place(ClusterState.of(nodes()), labelled).get(0).podSets().get(0).placements())
        .isEqualTo(place(ClusterState.of(nodes()), plain).get(0).podSets().get(0).placements());
    assertThat(Map.of()).isEmpty();
  }
}
