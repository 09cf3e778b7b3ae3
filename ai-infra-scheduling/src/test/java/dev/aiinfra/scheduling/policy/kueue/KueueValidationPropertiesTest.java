package dev.aiinfra.scheduling.policy.kueue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.scheduling.model.kueue.ClusterQueue;
import dev.aiinfra.scheduling.model.kueue.FlavorQuotas;
import dev.aiinfra.scheduling.model.kueue.KueueGenerators;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import dev.aiinfra.scheduling.model.kueue.ResourceGroup;
import dev.aiinfra.scheduling.model.kueue.ResourceQuota;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Generated queues: valid ones pass, each single broken rule is found with its code, quota rules agree with their definition. */
class KueueValidationPropertiesTest {
  static LongStream seeds() {
    return Seeds.of(10);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_queue_set_built_within_the_rules_has_no_finding(long seed) {
    Property.forAll(seed, KueueGenerators.queueSets(), 100, set -> assertThat(KueueValidation.validate(set)).isEmpty());
  }

  /** A rule broken on purpose, and the code it must give. */
  record Breakage(String name, UnaryOperator<ClusterQueue> change, SchedulingCode code) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static ClusterQueue mapFirstQuota(ClusterQueue q, UnaryOperator<ResourceQuota> f) {
    ResourceGroup g = q.resourceGroups().get(0);
    FlavorQuotas fq = g.flavors().get(0);
    List<ResourceQuota> rs = new ArrayList<>(fq.resources());
    rs.set(0, f.apply(rs.get(0)));
    List<FlavorQuotas> fs = new ArrayList<>(g.flavors());
    fs.set(0, fq.withResources(rs));
    List<ResourceGroup> gs = new ArrayList<>(q.resourceGroups());
    gs.set(0, g.withFlavors(fs));
    return q.withResourceGroups(gs);
  }

  private static final List<Breakage> BREAKAGES = List.of(
      new Breakage("negative nominal quota", q -> mapFirstQuota(q, r -> r.withNominalQuota(Quantity.parse("-1"))), SchedulingCode.KUEUE_QUOTA_NEGATIVE),
      new Breakage("limit without cohort", q -> mapFirstQuota(q, r -> r.withBorrowingLimit(Quantity.of(1))).withCohortName(java.util.Optional.empty()),
          SchedulingCode.KUEUE_LIMIT_WITHOUT_COHORT),
      new Breakage("resource renamed", q -> mapFirstQuota(q, r -> r.withName("example.com/other")), SchedulingCode.KUEUE_RESOURCE_ORDER),
      new Breakage("group repeated", q -> q.withResourceGroups(concat(q.resourceGroups(), q.resourceGroups().get(0))), SchedulingCode.KUEUE_FLAVOR_DUPLICATE),
      new Breakage("group repeated covers twice", q -> q.withResourceGroups(concat(q.resourceGroups(), q.resourceGroups().get(0))), SchedulingCode.KUEUE_RESOURCE_DUPLICATE),
      new Breakage("lending above nominal", q -> mapFirstQuota(q, r -> r.withLendingLimit(r.nominalQuota().plus(Quantity.of(1)))).withCohortName("c"),
          SchedulingCode.KUEUE_LENDING_OVER_NOMINAL),
      new Breakage("bad cohort name", q -> q.withCohortName("Not A Name"), SchedulingCode.KUEUE_NAME_INVALID));

  private static List<ResourceGroup> concat(List<ResourceGroup> groups, ResourceGroup extra) {
    List<ResourceGroup> out = new ArrayList<>(groups);
    out.add(extra);
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void one_broken_rule_is_found_with_its_code(long seed) {
    Gen<ClusterQueue> queues = KueueGenerators.clusterQueues();
    Property.forAll(seed, r -> new Object[] {queues.next(r), BREAKAGES.get(r.nextInt(BREAKAGES.size()))}, 200, c -> {
      Breakage b = (Breakage) c[1];
      ClusterQueue broken = b.change().apply((ClusterQueue) c[0]);
      assertThat(KueueValidation.validate(broken)).as(b.name()).extracting(KueueFinding::code).contains(b.code());
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_lending_limit_is_refused_exactly_when_it_exceeds_the_nominal_quota(long seed) {
    Gen<long[]> pairs = r -> new long[] {r.nextLong(-3, 20), r.nextLong(-3, 20)};
    Property.forAll(seed, pairs, 200, p -> {
      ClusterQueue q = ClusterQueue.builder().name("q").cohortName("c").addResourceGroup(ResourceGroup.of(List.of("cpu"),
          List.of(FlavorQuotas.of("f", List.of(ResourceQuota.of("cpu", Quantity.of(p[0])).withLendingLimit(Quantity.of(p[1]))))))).build();
      List<SchedulingCode> codes = KueueValidation.validate(q).stream().map(KueueFinding::code).toList();
      assertThat(codes.contains(SchedulingCode.KUEUE_LENDING_OVER_NOMINAL)).isEqualTo(p[1] > p[0]);
      assertThat(codes.stream().filter(x -> x == SchedulingCode.KUEUE_QUOTA_NEGATIVE).count()).isEqualTo((p[0] < 0 ? 1 : 0) + (p[1] < 0 ? 1 : 0));
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void validating_a_set_is_validating_each_object(long seed) {
    Property.forAll(seed, KueueGenerators.queueSets().map(s -> s.withClusterQueues(s.clusterQueues().get(0).withCohortName("Bad Name"))), 50,
        (KueueObjects s) -> {
          List<KueueFinding> each = new ArrayList<>();
          s.clusterQueues().forEach(q -> each.addAll(KueueValidation.validate(q)));
          assertThat(KueueValidation.validate(s)).containsExactlyInAnyOrderElementsOf(each);
        });
  }
}
