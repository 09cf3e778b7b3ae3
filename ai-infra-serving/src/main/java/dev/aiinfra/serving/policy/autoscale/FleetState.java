package dev.aiinfra.serving.policy.autoscale;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What the autoscaler remembers between samples: ready replicas, replicas still starting (with the
 * time each will be ready), when it last scaled each way, and the scale-down recommendations of the
 * stabilisation window. Immutable: every step returns a new state.
 */
public final class FleetState {
  private final int ready;
  private final List<Double> readyAt;
  private final double lastScaleUp;
  private final double lastScaleDown;
  private final double firstSample;
  private final List<double[]> recommendations;

  private FleetState(int ready, List<Double> readyAt, double lastScaleUp, double lastScaleDown, double firstSample, List<double[]> recommendations) {
    this.ready = ready;
    this.readyAt = List.copyOf(readyAt);
    this.lastScaleUp = lastScaleUp;
    this.lastScaleDown = lastScaleDown;
    this.firstSample = firstSample;
    this.recommendations = List.copyOf(recommendations);
  }

  /** A fleet of {@code ready} serving replicas that has not scaled yet. */
  public static FleetState initial(int ready) {
    return new FleetState(ready, List.of(), Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, List.of());
  }

  public int ready() {
    return ready;
  }

  public int starting() {
    return readyAt.size();
  }

  public int replicas() {
    return ready + readyAt.size();
  }

  /** Times at which the starting replicas become ready, earliest first. */
  public List<Double> readyAt() {
    return readyAt;
  }

  public double lastScaleUp() {
    return lastScaleUp;
  }

  public double lastScaleDown() {
    return lastScaleDown;
  }

  double firstSample() {
    return firstSample;
  }

  List<double[]> recommendations() {
    return recommendations;
  }

  /** Replicas whose start-up has finished by {@code time} count as ready. */
  FleetState advance(double time) {
    int promoted = 0;
    List<Double> still = new ArrayList<>();
    for (double t : readyAt) {
      if (t <= time) {
        promoted++;
      } else {
        still.add(t);
      }
    }
    return new FleetState(ready + promoted, still, lastScaleUp, lastScaleDown, Double.isNaN(firstSample) ? time : firstSample, recommendations);
  }

  /** Remembers a scale-down recommendation and forgets those older than {@code window}. */
  FleetState recommend(double time, int replicas, double window) {
    Deque<double[]> kept = new ArrayDeque<>();
    for (double[] r : recommendations) {
      if (r[0] >= time - window) {
        kept.add(r);
      }
    }
    kept.add(new double[] {time, replicas});
    return new FleetState(ready, readyAt, lastScaleUp, lastScaleDown, firstSample, new ArrayList<>(kept));
  }

  /** The highest recommendation in the window. */
  int highestRecommendation() {
    int max = 0;
    for (double[] r : recommendations) {
      max = Math.max(max, (int) r[1]);
    }
    return max;
  }

  FleetState scaleUp(double time, int add, double startupSeconds) {
    List<Double> next = new ArrayList<>(readyAt);
    for (int i = 0; i < add; i++) {
      next.add(time + startupSeconds);
    }
    return new FleetState(ready, next, time, lastScaleDown, firstSample, recommendations);
  }

  /** Removes replicas, those still starting first (the latest first), then ready ones. */
  FleetState scaleDown(double time, int remove) {
    List<Double> next = new ArrayList<>(readyAt);
    int left = remove;
    while (left > 0 && !next.isEmpty()) {
      next.remove(next.size() - 1);
      left--;
    }
    return new FleetState(ready - left, next, lastScaleUp, time, firstSample, recommendations);
  }
}
