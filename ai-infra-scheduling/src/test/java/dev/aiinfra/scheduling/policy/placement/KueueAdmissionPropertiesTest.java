package dev.aiinfra.scheduling.policy.placement;

import static dev.aiinfra.scheduling.policy.placement.ClusterGenerators.TOPOLOGY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.kueue.ClusterQueue;
import dev.aiinfra.scheduling.model.kueue.FlavorQuotas;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import dev.aiinfra.scheduling.model.kueue.LocalQueue;
import dev.aiinfra.scheduling.model.kueue.ResourceFlavor;
import dev.aiinfra.scheduling.model.kueue.ResourceGroup;
import dev.aiinfra.scheduling.model.kueue.ResourceQuota;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of Kueue admission: the quota is never exceeded across admitted gangs (per queue with its
 * borrowing limit, per cohort, and what a lending limit keeps), the answer is deterministic, and more
 * quota never refuses a gang that was admitted with less.
 */
class KueueAdmissionPropertiesTest {
  private static final List<String> FLAVORS = List.of("f1", "f2");
  private static final List<String> RESOURCES = List.of("cpu", "nvidia.com/gpu");

  static LongStream seeds() {
    return Seeds.of(10);
  }

  /** Two ClusterQueues in one cohort, each GPU/CPU quota random with optional borrowing and lending limits, and gangs queued to either. */
  record Case(ClusterState cluster, KueueObjects kueue, List<Gang> gangs) {}

  private static ClusterQueue queue(String name, java.util.SplittableRandom r, int scale) {
    List<FlavorQuotas> flavors = new ArrayList<>();
    for (String f : FLAVORS) {
      List<ResourceQuota> quotas = new ArrayList<>();
      for (String res : RESOURCES) {
        int nominal = scale * r.nextInt(res.equals("cpu") ? 40 : 12);
        ResourceQuota.Builder q = ResourceQuota.builder().name(res).nominalQuota(Quantity.of(nominal));
        if (r.nextInt(3) == 0) {
          q.borrowingLimit(Quantity.of(r.nextInt(8)));
        }
        if (r.nextInt(3) == 0) {
          q.lendingLimit(Quantity.of(r.nextInt(nominal + 1)));
        }
        quotas.add(q.build());
      }
      flavors.add(FlavorQuotas.of(f, quotas));
    }
    return ClusterQueue.builder().name(name).cohortName("research").namespaceSelector(LabelSelector.builder().build())
        .addResourceGroups(ResourceGroup.of(RESOURCES, flavors)).build();
  }

  private static Gen<Case> cases(int scale) {
    return r -> {
      ClusterState cluster = ClusterGenerators.cluster(2, 2, 3, 8).next(r);
      KueueObjects.Builder k = KueueObjects.builder().addTopologies(TOPOLOGY)
          .addClusterQueues(queue("a", r, scale), queue("b", r, scale))
          .addLocalQueues(LocalQueue.of("default", "qa", "a"), LocalQueue.of("default", "qb", "b"));
      FLAVORS.forEach(f -> k.addResourceFlavors(ResourceFlavor.builder().name(f).topologyName(TOPOLOGY.name()).build()));
      List<Gang> gangs = new ArrayList<>();
      int n = 1 + r.nextInt(5);
      for (int i = 0; i < n; i++) {
        Gang g = ClusterGenerators.kueueGang("g" + i, 6).next(r);
        gangs.add(Gang.builder().from(g).queueName(r.nextBoolean() ? "qa" : "qb").build());
      }
      return new Case(cluster, k.build(), gangs);
    };
  }

  private static PlacementResult place(Case c) {
    return GangPlacement.place(c.cluster(), c.gangs(), PlacementOptions.builder().topology(TOPOLOGY).kueue(c.kueue()).build());
  }

  private static long units(String resource, Quantity q) {
    return resource.equals("cpu") ? q.milliValue() : q.longValue();
  }

  /** What the admitted gangs use, per queue, flavor and resource, from their flavors and pod sets alone. */
  private static Map<String, Long> usage(Case c, PlacementResult r) {
    Map<String, Long> used = new HashMap<>();
    for (int g = 0; g < r.gangs().size(); g++) {
      GangResult result = r.gangs().get(g);
      if (!result.fits()) {
        continue;
      }
      QueueAdmission a = result.admission().orElseThrow();
      for (FlavorAssignment f : a.flavors()) {
        PodSet ps = c.gangs().get(g).podSets().stream().filter(p -> p.name().equals(f.podSet())).findFirst().orElseThrow();
        long total = units(f.resource(), ps.requests().get(f.resource())) * ps.count();
        used.merge(a.clusterQueue() + "|" + f.flavor() + "|" + f.resource(), total, Long::sum);
      }
    }
    return used;
  }

  private static ResourceQuota quota(ClusterQueue q, String flavor, String res) {
    return q.resourceGroups().get(0).flavors().stream().filter(f -> f.name().equals(flavor)).findFirst().orElseThrow()
        .resources().stream().filter(x -> x.name().equals(res)).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void the_quota_is_never_exceeded_across_admitted_gangs(long seed) {
    Property.forAll(seed, cases(1), 60, c -> {
      Map<String, Long> used = usage(c, place(c));
      ClusterQueue a = c.kueue().clusterQueue("a").orElseThrow();
      ClusterQueue b = c.kueue().clusterQueue("b").orElseThrow();
      for (String f : FLAVORS) {
        for (String res : RESOURCES) {
          long ua = used.getOrDefault("a|" + f + "|" + res, 0L);
          long ub = used.getOrDefault("b|" + f + "|" + res, 0L);
          ResourceQuota qa = quota(a, f, res);
          ResourceQuota qb = quota(b, f, res);
          long na = units(res, qa.nominalQuota());
          long nb = units(res, qb.nominalQuota());
          assertThat(ua + ub).as("cohort %s/%s", f, res).isLessThanOrEqualTo(na + nb);
          qa.borrowingLimit().ifPresent(l -> assertThat(ua).as("a borrows %s/%s", f, res).isLessThanOrEqualTo(na + units(res, l)));
          qb.borrowingLimit().ifPresent(l -> assertThat(ub).as("b borrows %s/%s", f, res).isLessThanOrEqualTo(nb + units(res, l)));
          long lendA = qa.lendingLimit().map(l -> units(res, l)).orElse(na);
          long lendB = qb.lendingLimit().map(l -> units(res, l)).orElse(nb);
          assertThat(ub).as("b within what a lends, %s/%s", f, res).isLessThanOrEqualTo(nb + lendA);
          assertThat(ua).as("a within what b lends, %s/%s", f, res).isLessThanOrEqualTo(na + lendB);
        }
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void the_same_input_gives_the_same_admission(long seed) {
    Property.forAll(seed, cases(1), 30, c -> assertThat(place(c)).isEqualTo(place(c)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void more_quota_never_refuses_a_gang_admitted_with_less(long seed) {
    Property.forAll(seed, cases(1), 40, c -> {
      Case first = new Case(c.cluster(), c.kueue(), c.gangs().subList(0, 1));
      if (!place(first).gangs().get(0).fits()) {
        return;
      }
      List<ClusterQueue> doubled = new ArrayList<>();
      for (ClusterQueue q : c.kueue().clusterQueues()) {
        List<FlavorQuotas> flavors = q.resourceGroups().get(0).flavors().stream().map(f -> FlavorQuotas.of(f.name(), f.resources().stream()
            .map(x -> ResourceQuota.builder().from(x).nominalQuota(x.nominalQuota().times(2)).build()).toList())).toList();
        doubled.add(ClusterQueue.builder().from(q).resourceGroups(List.of(ResourceGroup.of(RESOURCES, flavors))).build());
      }
      Case more = new Case(c.cluster(), KueueObjects.builder().from(c.kueue()).clusterQueues(doubled).build(), first.gangs());
      assertThat(place(more).gangs().get(0).fits()).isTrue();
    });
  }
}
