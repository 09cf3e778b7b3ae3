package dev.aiinfra.sandbox.policy.pss;

import java.util.List;

/** Upstream's "who set it" phrase: {@code pod}, {@code container "a"}, {@code pod and containers "a", "b"}. */
final class Setters {
  private Setters() {}

  static String of(boolean pod, List<String> containers) {
    if (containers.isEmpty()) {
      return "pod";
    }
    return (pod ? "pod and " : "") + Phrases.containers(containers);
  }
}
