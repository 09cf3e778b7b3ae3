package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityView;
import dev.aiinfra.sandbox.model.pss.VolumeView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A pod as the checks visit it: containers in upstream's order (init, regular, ephemeral) and
 * volumes after API defaulting (no source → {@code emptyDir}).
 */
final class Subject {
  final PodSecurityView pod;
  final List<ContainerSecurityView> containers;
  final List<VolumeView> volumes;

  Subject(PodSecurityView pod) {
    this.pod = pod;
    List<ContainerSecurityView> ordered = new ArrayList<>(pod.containers().size());
    for (ContainerSecurityView.Kind k : ContainerSecurityView.Kind.values()) {
      for (ContainerSecurityView c : pod.containers()) {
        if (c.kind() == k) {
          ordered.add(c);
        }
      }
    }
    this.containers = ordered;
    List<VolumeView> vs = new ArrayList<>(pod.volumes().size());
    for (VolumeView v : pod.volumes()) {
      vs.add(v.sources().isEmpty() ? VolumeView.of(v.name(), "emptyDir") : v);
    }
    this.volumes = vs;
  }

  /**
   * Names of the containers, in visit order, with at least one value of {@code values} that
   * {@code forbidden} rejects; those values are added to {@code found}.
   */
  <T> List<String> containersWithForbidden(Function<ContainerSecurityView, List<T>> values, Predicate<T> forbidden, Collection<T> found) {
    List<String> names = new ArrayList<>();
    for (ContainerSecurityView c : containers) {
      boolean any = false;
      for (T value : values.apply(c)) {
        if (forbidden.test(value)) {
          any = true;
          found.add(value);
        }
      }
      if (any) {
        names.add(c.name());
      }
    }
    return names;
  }

  /** Names of the containers, in visit order, for which {@code test} holds. */
  List<String> containersWhere(Predicate<ContainerSecurityView> test) {
    List<String> names = new ArrayList<>();
    for (ContainerSecurityView c : containers) {
      if (test.test(c)) {
        names.add(c.name());
      }
    }
    return names;
  }
}
