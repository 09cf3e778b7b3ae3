package dev.aiinfra.serving.policy.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import dev.aiinfra.serving.model.autoscale.MetricSample;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the SLO-aware autoscaler over generated specs and metric series. */
class SloAutoscalerPropertiesTest {
  static LongStream seeds() {
    return Seeds.of(8);
  }

  private record Case(AutoscalerSpec spec, int initial, List<MetricSample> series) {}

  private static Gen<Case> randomCases() {
    return r -> {
      AutoscalerSpec spec = AutoscaleGenerators.specs().next(r);
      return new Case(spec, r.nextInt(spec.maxReplicas() + 6), AutoscaleGenerators.randomSeries(240).next(r));
    };
  }

  private static AutoscalerSpec queueOnly(AutoscalerSpec s) {
    return s.withKvCacheUtilisation(OptionalDouble.empty()).withKvCacheCapacityPerReplica(OptionalDouble.empty());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void replicas_never_leave_min_and_max(long seed) {
    Property.forAll(seed, randomCases(), 50, c -> {
      List<ScalingDecision> d = new SloAutoscaler(c.spec()).simulate(c.initial(), c.series());
      for (ScalingDecision x : d) {
        assertThat(x.replicas()).isBetween(c.spec().minReplicas(), c.spec().maxReplicas());
        assertThat(x.ready() + x.starting()).isEqualTo(x.replicas());
      }
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void no_scale_down_within_the_cooldown_after_a_scale_up(long seed) {
    Property.forAll(seed, randomCases(), 50, c -> {
      List<ScalingDecision> d = new SloAutoscaler(c.spec()).simulate(c.initial(), c.series());
      double lastUp = Double.NEGATIVE_INFINITY;
      for (ScalingDecision x : d) {
        if (x.scaledUp()) {
          lastUp = x.timeSeconds();
        } else if (x.scaledDown()) {
          assertThat(x.timeSeconds() - lastUp).as("scale-down at %s after scale-up at %s", x.timeSeconds(), lastUp)
              .isGreaterThanOrEqualTo(c.spec().scaleDownDelayAfterScaleUpSeconds());
        }
      }
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void a_step_in_load_is_served_no_later_than_startup_after_it_crosses_the_threshold(long seed) {
    Gen<Case> steps = r -> {
      AutoscalerSpec spec = queueOnly(AutoscaleGenerators.specs().next(r));
      double target = spec.queueDepthPerReplica().getAsDouble();
      double before = target * r.nextInt(3);
      double after = before + target * (2 + r.nextInt(40));
      int initial = Math.max(spec.minReplicas(), Math.min(spec.maxReplicas(), (int) Math.ceil(before * spec.startupHeadroom() / target)));
      double stepAt = AutoscaleGenerators.INTERVAL * (10 + r.nextInt(40));
      return new Case(spec, initial, AutoscaleGenerators.step(before, after, stepAt, 120));
    };
    Property.forAll(seed, steps, 50, c -> {
      List<ScalingDecision> d = new SloAutoscaler(c.spec()).simulate(c.initial(), c.series());
      double target = c.spec().queueDepthPerReplica().getAsDouble();
      double after = c.series().get(c.series().size() - 1).queueDepth();
      int needed = Math.min(c.spec().maxReplicas(), (int) Math.ceil(after / target));
      for (int i = 0; i < d.size(); i++) {
        MetricSample s = c.series().get(i);
        int before = i == 0 ? c.initial() : d.get(i - 1).replicas();
        boolean crossed = s.queueDepth() == after && s.queueDepth() / (Math.max(before, 1) * target) > c.spec().scaleUpThreshold();
        if (crossed) {
          double readyBy = s.timeSeconds() + c.spec().startupSeconds();
          d.stream().filter(x -> x.timeSeconds() >= readyBy).findFirst()
              .ifPresent(x -> assertThat(x.ready()).as("ready at %s (crossed at %s)", x.timeSeconds(), s.timeSeconds()).isGreaterThanOrEqualTo(needed));
          break;
        }
      }
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void a_noisy_flat_load_never_scales_down_and_then_up_again(long seed) {
    Gen<Case> flat = r -> {
      AutoscalerSpec spec = queueOnly(AutoscaleGenerators.specs().next(r));
      double target = spec.queueDepthPerReplica().getAsDouble();
      double mean = target * (1 + r.nextInt(20));
      double amplitude = spec.noiseImmunity() * 0.99 * r.nextDouble();
      int initial = Math.max(spec.minReplicas(), Math.min(spec.maxReplicas(), r.nextInt(2 * (int) Math.ceil(mean / target) + 2)));
      return new Case(spec, initial, AutoscaleGenerators.noisyFlat(mean, amplitude, 480).next(r));
    };
    Property.forAll(seed, flat, 50, c -> {
      List<ScalingDecision> d = new SloAutoscaler(c.spec()).simulate(c.initial(), c.series());
      boolean scaledDown = false;
      int reversals = 0;
      int lastDirection = 0;
      for (ScalingDecision x : d) {
        if (x.scaledDown()) {
          scaledDown = true;
        }
        if (x.scaledUp()) {
          assertThat(scaledDown).as("scale-up at %s after a scale-down", x.timeSeconds()).isFalse();
        }
        int dir = x.scaledUp() ? 1 : x.scaledDown() ? -1 : 0;
        if (dir != 0) {
          if (lastDirection != 0 && dir != lastDirection) {
            reversals++;
          }
          lastDirection = dir;
        }
      }
      assertThat(reversals).isLessThanOrEqualTo(1);
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void simulation_is_deterministic(long seed) {
    Property.forAll(seed, randomCases(), 20, c -> assertThat(new SloAutoscaler(c.spec()).simulate(c.initial(), c.series()))
        .isEqualTo(new SloAutoscaler(c.spec()).simulate(c.initial(), c.series())));
  }
}
