package dev.aiinfra.serving.policy.pd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.serving.model.pd.PlanRequest;
import dev.aiinfra.serving.model.pd.ServingSla;
import dev.aiinfra.serving.model.pd.Traffic;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the prefill/decode planner over seeded random requests. */
class PdPlannerPropertiesTest {
  private static final double EPS = 1e-9;

  static LongStream seeds() {
    return Seeds.of(8);
  }

  private static Roofline roofline(PlanRequest r) {
    return new Roofline(r.model(), r.gpu(), r.backend(), r.constants());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void every_candidate_meets_the_sla_and_fits_the_budget_and_the_kv_cache(long seed) {
    Property.forAll(seed, PdGenerators.requests(1, 64), 40, r -> {
      PdPlan plan = PdPlanner.plan(r);
      Roofline roofline = roofline(r);
      int fullSequence = r.traffic().inputTokens() + r.traffic().outputTokens();
      for (ServingConfiguration c : plan.candidates()) {
        assertThat(r.sla().isMetBy(c.ttftMs(), c.tpotMs(), c.requestLatencyMs())).as("SLA of %s", c.label()).isTrue();
        assertThat(c.gpus()).isLessThanOrEqualTo(r.totalGpus()).isEqualTo(c.replicas() * c.gpusPerReplica());
        assertThat(c.replicas()).isEqualTo(r.totalGpus() / c.gpusPerReplica());
        assertThat(c.decode().workers()).isBetween(1, 32);
        assertThat(c.decode().batch()).isLessThanOrEqualTo(roofline.maxBatch(c.decode().tp(), fullSequence));
        c.prefill().ifPresent(p -> {
          assertThat(p.workers()).isBetween(1, 32);
          assertThat(roofline.maxBatch(p.tp(), r.traffic().inputTokens())).isGreaterThanOrEqualTo(1);
        });
        assertThat(c.tokensPerSecondPerGpu()).isLessThanOrEqualTo(c.tokensPerSecondPerUsedGpu() * (1 + EPS));
        assertThat(c.requestLatencyMs()).isCloseTo(c.ttftMs() + c.tpotMs() * (r.traffic().outputTokens() - 1), org.assertj.core.api.Assertions.within(1e-6));
      }
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void the_winner_is_the_better_of_the_two_modes_and_exists_exactly_when_some_mode_does(long seed) {
    Property.forAll(seed, PdGenerators.requests(1, 64), 40, r -> {
      PdPlan plan = PdPlanner.plan(r);
      assertThat(plan.isFeasible()).isEqualTo(plan.bestAggregated().isPresent() || plan.bestDisaggregated().isPresent());
      plan.best().ifPresent(best -> {
        plan.bestAggregated().ifPresent(a -> assertThat(best.tokensPerSecondPerGpu()).isGreaterThanOrEqualTo(a.tokensPerSecondPerGpu()));
        plan.bestDisaggregated().ifPresent(d -> assertThat(best.tokensPerSecondPerGpu()).isGreaterThanOrEqualTo(d.tokensPerSecondPerGpu()));
      });
      assertThat(plan.explanations()).isNotEmpty();
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void planning_is_deterministic(long seed) {
    Property.forAll(seed, PdGenerators.requests(1, 64), 20, r -> assertThat(PdPlanner.plan(r)).isEqualTo(PdPlanner.plan(r)));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void more_gpus_never_lose_more_than_the_idle_gpu_rule_implies(long seed) {
    Property.forAll(seed, PdGenerators.requests(1, 48).flatMap(r -> rnd -> new Object[] {r, r.totalGpus() + 1 + rnd.nextInt(40)}), 30, pair -> {
      PlanRequest small = (PlanRequest) pair[0];
      int more = (Integer) pair[1];
      PdPlan before = PdPlanner.plan(small);
      PdPlan after = PdPlanner.plan(small.withTotalGpus(more));
      before.best().ifPresent(b -> {
        int gpr = b.gpusPerReplica();
        double floor = b.tokensPerSecondPerUsedGpu() * (more / gpr) * gpr / more;
        assertThat(after.best()).isPresent();
        assertThat(after.best().get().tokensPerSecondPerGpu()).isGreaterThanOrEqualTo(floor * (1 - EPS));
      });
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void a_looser_sla_never_yields_a_worse_best(long seed) {
    Property.forAll(seed, PdGenerators.requests(1, 48), 30, r -> {
      ServingSla sla = r.sla();
      ServingSla looser = ServingSla.builder().from(sla).ttftMs(sla.ttftMs() * 1.5).tpotMs(sla.tpotMs() * 1.3).build();
      PdPlan tight = PdPlanner.plan(r);
      PdPlan loose = PdPlanner.plan(r.withSla(looser));
      tight.best().ifPresent(b -> {
        assertThat(loose.best()).isPresent();
        assertThat(loose.best().get().tokensPerSecondPerGpu()).isGreaterThanOrEqualTo(b.tokensPerSecondPerGpu() * (1 - EPS));
      });
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void the_best_agrees_with_a_brute_force_search_on_small_budgets(long seed) {
    Property.forAll(seed, PdGenerators.requests(1, 12), 20, r -> {
      PdPlan plan = PdPlanner.plan(r);
      double oracle = BruteForcePlanner.bestTokensPerSecondPerGpu(r);
      if (oracle < 0) {
        assertThat(plan.best()).isEmpty();
      } else {
        assertThat(plan.best()).isPresent();
        assertThat(plan.best().get().tokensPerSecondPerGpu()).isCloseTo(oracle, org.assertj.core.api.Assertions.within(oracle * 1e-9));
      }
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void longer_prompts_never_raise_the_best_throughput(long seed) {
    Property.forAll(seed, PdGenerators.requests(1, 32), 20, r -> {
      Traffic t = r.traffic();
      Traffic longer = Traffic.builder().from(t).inputTokens(t.inputTokens() + 500).build();
      PdPlan base = PdPlanner.plan(r);
      PdPlan heavier = PdPlanner.plan(r.withTraffic(longer));
      heavier.best().ifPresent(h -> {
        assertThat(base.best()).isPresent();
        assertThat(h.tokensPerSecondPerGpu()).isLessThanOrEqualTo(base.best().get().tokensPerSecondPerGpu() * (1 + EPS));
      });
    });
  }
}
