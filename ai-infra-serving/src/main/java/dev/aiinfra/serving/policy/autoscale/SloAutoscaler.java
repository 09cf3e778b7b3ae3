package dev.aiinfra.serving.policy.autoscale;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import dev.aiinfra.serving.model.autoscale.MetricSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An autoscaler for inference servers that acts before the HPA would: it scales up as soon as any
 * signal (queue depth per replica, KV-cache utilisation, TTFT or TPOT against the SLO) crosses its
 * threshold, provisions for the load growth expected while new replicas start, and counts
 * replicas still starting as capacity. It scales down only after the cooldown that follows a
 * scale-up, only to the highest recommendation of the stabilisation window, only while the
 * remaining replicas stay below target × (1 − scale-down tolerance), and a bounded step at a time.
 *
 * <p>The gap between the scale-up and scale-down thresholds makes it immune to noise: around a flat
 * load whose relative noise is at most {@link AutoscalerSpec#noiseImmunity()}, a scale-down is never
 * followed by a scale-up. Pure and deterministic.
 */
public final class SloAutoscaler {
  private final AutoscalerSpec spec;

  public SloAutoscaler(AutoscalerSpec spec) {
    this.spec = spec;
  }

  /** The new fleet state and the decision for one sample. */
  public record Step(FleetState state, ScalingDecision decision) {}

  /** Decides at {@code sample} from the fleet's state at the previous sample. */
  public Step decide(FleetState previous, MetricSample sample) {
    double t = sample.timeSeconds();
    FleetState s = previous.advance(t);
    int c = s.replicas();
    if (c < spec.minReplicas()) {
      return up(s, sample, spec.minReplicas(), ScalingReason.BELOW_MIN, "below minReplicas " + spec.minReplicas());
    }
    if (c > spec.maxReplicas()) {
      return down(s, t, c, spec.maxReplicas(), ScalingReason.ABOVE_MAX, "above maxReplicas " + spec.maxReplicas());
    }
    int need = 0;
    ScalingReason why = ScalingReason.HOLD;
    String detail = "";
    double upThreshold = spec.scaleUpThreshold();
    double headroom = spec.startupHeadroom();
    if (spec.queueDepthPerReplica().isPresent()) {
      double target = spec.queueDepthPerReplica().getAsDouble();
      double ratio = sample.queueDepth() / (Math.max(c, 1) * target);
      if (ratio > upThreshold) {
        int n = (int) Math.ceil(sample.queueDepth() * headroom / target - 1e-9);
        if (n > need) {
          need = n;
          why = ScalingReason.QUEUE_DEPTH;
          detail = fmt("%.0f requests waiting is %.2f× the target of %.1f per replica on %d replicas", sample.queueDepth(), ratio, target, c);
        }
      }
    }
    if (spec.kvCacheUtilisation().isPresent()) {
      double perReplica = spec.kvCacheUtilisation().getAsDouble() * spec.kvCacheCapacityPerReplica().getAsDouble();
      double ratio = sample.kvCacheInUse() / (Math.max(c, 1) * perReplica);
      if (ratio > upThreshold) {
        int n = (int) Math.ceil(sample.kvCacheInUse() * headroom / perReplica - 1e-9);
        if (n > need) {
          need = n;
          why = ScalingReason.KV_CACHE;
          detail = fmt("KV cache at %.0f%% of the %.0f%% target on %d replicas", 100 * ratio * spec.kvCacheUtilisation().getAsDouble(),
              100 * spec.kvCacheUtilisation().getAsDouble(), c);
        }
      }
    }
    double latencyRatio = 0;
    ScalingReason latencyReason = ScalingReason.HOLD;
    if (spec.ttftSloMs().isPresent() && sample.ttftMs().isPresent()) {
      latencyRatio = sample.ttftMs().getAsDouble() / spec.ttftSloMs().getAsDouble();
      latencyReason = ScalingReason.TTFT;
    }
    if (spec.tpotSloMs().isPresent() && sample.tpotMs().isPresent()) {
      double r = sample.tpotMs().getAsDouble() / spec.tpotSloMs().getAsDouble();
      if (r > latencyRatio) {
        latencyRatio = r;
        latencyReason = ScalingReason.TPOT;
      }
    }
    if (latencyRatio > 1 + spec.scaleUpTolerance()) {
      int n = (int) Math.ceil(Math.max(s.ready(), 1) * latencyRatio - 1e-9);
      if (n > need) {
        need = n;
        why = latencyReason;
        detail = fmt("%s at %.2f× its SLO on %d ready replicas", latencyReason == ScalingReason.TTFT ? "TTFT" : "TPOT", latencyRatio, s.ready());
      }
    }
    if (need > c) {
      // Scale-ups are recommendations too: the stabilisation window must not scale below them.
      s = s.recommend(sample.timeSeconds(), need, spec.scaleDownStabilisationSeconds());
      if (c >= spec.maxReplicas()) {
        return hold(s, sample, c, ScalingReason.AT_MAX, detail + "; already at maxReplicas " + spec.maxReplicas());
      }
      int target = Math.min(spec.maxReplicas(), need);
      if (spec.scaleUpStep().isPresent()) {
        target = Math.min(target, c + spec.scaleUpStep().getAsInt());
      }
      return up(s, sample, target, why, detail);
    }
    return considerDown(s, sample, latencyRatio);
  }

  private Step considerDown(FleetState s, MetricSample sample, double latencyRatio) {
    double t = sample.timeSeconds();
    int c = s.replicas();
    double below = spec.scaleDownThreshold();
    int keep = 0;
    boolean anyLoadSignal = false;
    if (spec.queueDepthPerReplica().isPresent()) {
      anyLoadSignal = true;
      keep = Math.max(keep, replicasBelow(sample.queueDepth(), spec.queueDepthPerReplica().getAsDouble() * below));
    }
    if (spec.kvCacheUtilisation().isPresent()) {
      anyLoadSignal = true;
      double perReplica = spec.kvCacheUtilisation().getAsDouble() * spec.kvCacheCapacityPerReplica().getAsDouble();
      keep = Math.max(keep, replicasBelow(sample.kvCacheInUse(), perReplica * below));
    }
    boolean latencyTight = latencyRatio >= below;
    if (latencyTight) {
      keep = Math.max(keep, c);
    } else if (!anyLoadSignal) {
      keep = Math.max(keep, c - 1);
    }
    s = s.recommend(t, keep, spec.scaleDownStabilisationSeconds());
    int highest = s.highestRecommendation();
    int target = Math.max(spec.minReplicas(), Math.max(highest, c - spec.scaleDownStep()));
    if (target >= c) {
      return hold(s, sample, c, ScalingReason.HOLD, "load is within the thresholds");
    }
    if (t - s.lastScaleUp() < spec.scaleDownDelayAfterScaleUpSeconds()) {
      return hold(s, sample, c, ScalingReason.COOLDOWN,
          fmt("%d replicas would do, but the last scale-up was %.0f s ago (cooldown %.0f s)", target, t - s.lastScaleUp(), spec.scaleDownDelayAfterScaleUpSeconds()));
    }
    if (t - s.firstSample() < spec.scaleDownStabilisationSeconds() || t - s.lastScaleDown() < spec.scaleDownPeriodSeconds()) {
      return hold(s, sample, c, ScalingReason.STABILISING, fmt("%d replicas would do; waiting for the stabilisation window or the scale-down period", target));
    }
    return down(s, t, c, target, ScalingReason.SCALE_DOWN,
        fmt("the highest need of the last %.0f s is %d replicas", spec.scaleDownStabilisationSeconds(), highest));
  }

  /** Fewest replicas that keep {@code load} below {@code perReplica} each (0 for no load). */
  private static int replicasBelow(double load, double perReplica) {
    return load <= 0 ? 0 : (int) Math.floor(load / perReplica) + 1;
  }

  private Step up(FleetState s, MetricSample sample, int target, ScalingReason why, String detail) {
    int c = s.replicas();
    FleetState next = s.scaleUp(sample.timeSeconds(), target - c, spec.startupSeconds());
    return new Step(next, decision(sample.timeSeconds(), c, next, why,
        fmt("scale up %d → %d: %s; ready by t=%.0f s", c, target, detail, sample.timeSeconds() + spec.startupSeconds())));
  }

  private Step down(FleetState s, double t, int c, int target, ScalingReason why, String detail) {
    FleetState next = s.scaleDown(t, c - target);
    return new Step(next, decision(t, c, next, why, fmt("scale down %d → %d: %s", c, target, detail)));
  }

  private Step hold(FleetState s, MetricSample sample, int c, ScalingReason why, String detail) {
    return new Step(s, decision(sample.timeSeconds(), c, s, why, detail));
  }

  private static ScalingDecision decision(double t, int previous, FleetState s, ScalingReason why, String message) {
    return ScalingDecision.builder().timeSeconds(t).previousReplicas(previous).replicas(s.replicas()).ready(s.ready()).starting(s.starting())
        .reason(why).message(message).build();
  }

  /** Replays a time-ordered series from a fleet of {@code initialReplicas} ready replicas. */
  public List<ScalingDecision> simulate(int initialReplicas, List<MetricSample> samples) {
    List<FieldViolation> bad = new ArrayList<>();
    if (initialReplicas < 0) {
      bad.add(FieldViolation.invalid(FieldPath.of("initialReplicas"), initialReplicas, "must not be negative"));
    }
    for (int i = 1; i < samples.size(); i++) {
      if (samples.get(i).timeSeconds() < samples.get(i - 1).timeSeconds()) {
        bad.add(FieldViolation.invalid(FieldPath.of("samples").index(i).child("timeSeconds"), samples.get(i).timeSeconds(),
            "samples must be in time order (previous: " + samples.get(i - 1).timeSeconds() + ")"));
      }
    }
    if (!bad.isEmpty()) {
      throw new InvalidSpecException(bad);
    }
    FleetState state = FleetState.initial(initialReplicas);
    List<ScalingDecision> out = new ArrayList<>(samples.size());
    for (MetricSample sample : samples) {
      Step step = decide(state, sample);
      state = step.state();
      out.add(step.decision());
    }
    return out;
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
