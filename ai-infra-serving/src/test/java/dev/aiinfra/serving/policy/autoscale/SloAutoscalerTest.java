package dev.aiinfra.serving.policy.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import dev.aiinfra.serving.model.autoscale.MetricSample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class SloAutoscalerTest {
  /** 10 waiting requests per replica, 2-minute start-up, 10 %/min growth → headroom 1.2. */
  static AutoscalerSpec queueSpec() {
    return AutoscalerSpec.builder().minReplicas(1).maxReplicas(20).queueDepthPerReplica(10).build();
  }

  static List<MetricSample> series(double seconds, DoubleUnaryOperator queue) {
    List<MetricSample> out = new ArrayList<>();
    for (double t = 0; t <= seconds; t += 15) {
      out.add(MetricSample.queue(t, queue.applyAsDouble(t)));
    }
    return out;
  }

  @Test
  void startup_headroom_lowers_the_scale_up_threshold() {
    assertThat(queueSpec().startupHeadroom()).isEqualTo(1.2);
    assertThat(queueSpec().scaleUpThreshold()).isCloseTo(1.1 / 1.2, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(queueSpec().noiseImmunity()).isCloseTo((1.1 / 1.2 - 0.7) / (1.1 / 1.2 + 0.7), org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void scales_up_at_the_first_sample_above_the_threshold_and_provisions_for_growth() {
    // 2 replicas, 19 waiting: 0.95 of target, above 0.9167 → need ceil(19 × 1.2 / 10) = 3
    List<ScalingDecision> d = new SloAutoscaler(queueSpec()).simulate(2, series(0, t -> 19));
    assertThat(d.get(0).reason()).isEqualTo(ScalingReason.QUEUE_DEPTH);
    assertThat(d.get(0).replicas()).isEqualTo(3);
    assertThat(d.get(0).starting()).isEqualTo(1);
    assertThat(d.get(0).message()).contains("scale up 2 → 3").contains("ready by t=120 s");
  }

  @Test
  void replicas_still_starting_count_as_capacity() {
    List<ScalingDecision> d = new SloAutoscaler(queueSpec()).simulate(2, series(60, t -> 30));
    assertThat(d.get(0).replicas()).isEqualTo(4);
    assertThat(d.subList(1, d.size())).allSatisfy(x -> assertThat(x.scaledUp()).isFalse());
  }

  @Test
  void new_replicas_become_ready_after_startup() {
    List<ScalingDecision> d = new SloAutoscaler(queueSpec()).simulate(2, series(150, t -> 30));
    assertThat(d.get(7).timeSeconds()).isEqualTo(105);
    assertThat(d.get(7).ready()).isEqualTo(2);
    assertThat(d.get(8).ready()).isEqualTo(4);
  }

  @Test
  void no_scale_down_during_the_cooldown_after_a_scale_up() {
    List<ScalingDecision> d = new SloAutoscaler(queueSpec()).simulate(2, series(1200, t -> t < 30 ? 30 : 1));
    assertThat(d.stream().filter(ScalingDecision::scaledDown).findFirst()).hasValueSatisfying(first -> assertThat(first.timeSeconds()).isGreaterThanOrEqualTo(600));
    assertThat(d.stream().filter(x -> x.timeSeconds() < 600)).anyMatch(x -> x.reason() == ScalingReason.COOLDOWN);
  }

  @Test
  void scale_down_removes_one_replica_per_period_down_to_the_windows_highest_need() {
    List<ScalingDecision> d = new SloAutoscaler(queueSpec()).simulate(8, series(1200, t -> 5));
    List<ScalingDecision> downs = d.stream().filter(ScalingDecision::scaledDown).toList();
    assertThat(downs).isNotEmpty().allSatisfy(x -> assertThat(x.previousReplicas() - x.replicas()).isEqualTo(1));
    for (int i = 1; i < downs.size(); i++) {
      assertThat(downs.get(i).timeSeconds() - downs.get(i - 1).timeSeconds()).isGreaterThanOrEqualTo(60);
    }
    assertThat(downs.get(0).timeSeconds()).isGreaterThanOrEqualTo(300);
    // 5 waiting stays below 0.7 × 10 per replica on a single replica
    assertThat(d.get(d.size() - 1).replicas()).isEqualTo(1);
  }

  @Test
  void a_brief_spike_in_the_window_holds_the_scale_down() {
    List<ScalingDecision> d = new SloAutoscaler(queueSpec().withScaleDownDelayAfterScaleUpSeconds(0)).simulate(4, series(900, t -> t == 450 ? 25 : 5));
    ScalingDecision spike = d.stream().filter(x -> x.timeSeconds() == 450).findFirst().orElseThrow();
    assertThat(spike.scaledUp()).isTrue();
    assertThat(d.stream().filter(x -> x.timeSeconds() > 450 && x.timeSeconds() < 750)).noneMatch(ScalingDecision::scaledDown);
  }

  @Test
  void ttft_above_its_slo_scales_up_without_a_queue_signal() {
    AutoscalerSpec spec = AutoscalerSpec.builder().maxReplicas(10).ttftSloMs(500).build();
    List<ScalingDecision> d = new SloAutoscaler(spec).simulate(2, List.of(MetricSample.builder().timeSeconds(0).ttftMs(900).build()));
    assertThat(d.get(0).reason()).isEqualTo(ScalingReason.TTFT);
    assertThat(d.get(0).replicas()).isEqualTo(4);
    assertThat(d.get(0).reason().code()).isEqualTo("AUTOSCALE_UP_TTFT");
  }

  @Test
  void latency_near_its_slo_blocks_scale_down() {
    AutoscalerSpec spec = queueSpec().withTpotSloMs(20).withScaleDownDelayAfterScaleUpSeconds(0);
    List<MetricSample> s = new ArrayList<>();
    for (double t = 0; t <= 900; t += 15) {
      s.add(MetricSample.builder().timeSeconds(t).queueDepth(1).tpotMs(18).build());
    }
    assertThat(new SloAutoscaler(spec).simulate(6, s)).noneMatch(ScalingDecision::scaledDown);
  }

  @Test
  void kv_cache_utilisation_scales_up() {
    AutoscalerSpec spec = AutoscalerSpec.builder().maxReplicas(10).kvCacheUtilisation(0.8).kvCacheCapacityPerReplica(1000).build();
    List<ScalingDecision> d = new SloAutoscaler(spec).simulate(2, List.of(MetricSample.builder().timeSeconds(0).kvCacheInUse(1600).build()));
    assertThat(d.get(0).reason()).isEqualTo(ScalingReason.KV_CACHE);
    assertThat(d.get(0).replicas()).isEqualTo(3);
  }

  @Test
  void never_above_max_and_says_so() {
    List<ScalingDecision> d = new SloAutoscaler(queueSpec().withMaxReplicas(3)).simulate(3, series(30, t -> 500));
    assertThat(d).allSatisfy(x -> assertThat(x.replicas()).isEqualTo(3));
    assertThat(d.get(0).reason()).isEqualTo(ScalingReason.AT_MAX);
  }

  @Test
  void a_fleet_below_min_is_raised() {
    List<ScalingDecision> d = new SloAutoscaler(queueSpec().withMinReplicas(2)).simulate(0, series(0, t -> 0));
    assertThat(d.get(0).reason()).isEqualTo(ScalingReason.BELOW_MIN);
    assertThat(d.get(0).replicas()).isEqualTo(2);
  }

  @Test
  void samples_out_of_order_are_rejected_with_their_index() {
    assertThatThrownBy(() -> new SloAutoscaler(queueSpec()).simulate(1, List.of(MetricSample.queue(30, 1), MetricSample.queue(15, 1))))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("samples[1].timeSeconds");
  }

  @Test
  void thresholds_that_cross_are_rejected() {
    assertThatThrownBy(() -> queueSpec().withExpectedGrowthPerMinute(1.0))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("oscillates");
    assertThatThrownBy(() -> AutoscalerSpec.builder().maxReplicas(0).build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("maxReplicas").hasMessageContaining("at least one signal");
  }
}
