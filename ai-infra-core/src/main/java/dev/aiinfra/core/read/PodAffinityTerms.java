package dev.aiinfra.core.read;

import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.node.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The required inter-pod affinity and anti-affinity terms of a pod spec as the scheduler sees them.
 * {@code matchLabelKeys} and {@code mismatchLabelKeys} (KEP-3633, on by default since 1.31) become
 * {@code In} and {@code NotIn} requirements on the pod's own label values, as the API server merges
 * them at pod creation; a key the pod lacks adds nothing. Preferred terms only score and are left out.
 */
public final class PodAffinityTerms {
  private PodAffinityTerms() {}

  /** {@code affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution}. */
  public static List<PodAffinityTerm> requiredAffinity(PodSpec spec, Map<String, String> podLabels) {
    if (spec == null || spec.getAffinity() == null || spec.getAffinity().getPodAffinity() == null) {
      return List.of();
    }
    return convert(spec.getAffinity().getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(), podLabels);
  }

  /** {@code affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution}. */
  public static List<PodAffinityTerm> requiredAntiAffinity(PodSpec spec, Map<String, String> podLabels) {
    if (spec == null || spec.getAffinity() == null || spec.getAffinity().getPodAntiAffinity() == null) {
      return List.of();
    }
    return convert(spec.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(), podLabels);
  }

  private static List<PodAffinityTerm> convert(List<io.fabric8.kubernetes.api.model.PodAffinityTerm> terms, Map<String, String> podLabels) {
    if (terms == null) {
      return List.of();
    }
    List<PodAffinityTerm> out = new ArrayList<>();
    for (io.fabric8.kubernetes.api.model.PodAffinityTerm t : terms) {
      if (t == null) {
        throw new IllegalArgumentException("a required term is null");
      }
      Optional<LabelSelector> selector = selector(t.getLabelSelector());
      if (selector.isPresent()) {
        LabelSelector.Builder merged = LabelSelector.builder().from(selector.get());
        boolean changed = false;
        for (String key : orEmpty(t.getMatchLabelKeys())) {
          if (key != null && podLabels.containsKey(key)) {
            merged.addMatchExpressions(LabelSelector.Requirement.of(key, LabelSelector.Operator.In, podLabels.get(key)));
            changed = true;
          }
        }
        for (String key : orEmpty(t.getMismatchLabelKeys())) {
          if (key != null && podLabels.containsKey(key)) {
            merged.addMatchExpressions(LabelSelector.Requirement.of(key, LabelSelector.Operator.NotIn, podLabels.get(key)));
            changed = true;
          }
        }
        if (changed) {
          selector = Optional.of(merged.build());
        }
      }
      out.add(PodAffinityTerm.builder()
          .labelSelector(selector)
          .namespaces(orEmpty(t.getNamespaces()).stream().map(n -> required(n, "a namespaces entry")).toList())
          .namespaceSelector(selector(t.getNamespaceSelector()))
          .topologyKey(t.getTopologyKey() == null ? "" : t.getTopologyKey())
          .build());
    }
    return out;
  }

  /** A fabric8 label selector as the model's; empty for a nil selector. */
  private static Optional<LabelSelector> selector(io.fabric8.kubernetes.api.model.LabelSelector s) {
    if (s == null) {
      return Optional.empty();
    }
    LabelSelector.Builder b = LabelSelector.builder();
    if (s.getMatchLabels() != null) {
      s.getMatchLabels().forEach((k, v) -> b.putMatchLabel(required(k, "a matchLabels key"), required(v, "the value of matchLabels[" + k + "]")));
    }
    for (LabelSelectorRequirement r : orEmpty(s.getMatchExpressions())) {
      if (r == null) {
        throw new IllegalArgumentException("a matchExpressions entry is null");
      }
      String op = required(r.getOperator(), "matchExpressions[" + r.getKey() + "].operator");
      if (java.util.Arrays.stream(LabelSelector.Operator.values()).noneMatch(o -> o.name().equals(op))) {
        throw new IllegalArgumentException("matchExpressions[" + r.getKey() + "].operator: \"" + op + "\": must be In, NotIn, Exists or DoesNotExist");
      }
      List<String> values = orEmpty(r.getValues());
      values.forEach(v -> required(v, "a value of matchExpressions[" + r.getKey() + "]"));
      b.addMatchExpressions(LabelSelector.Requirement.of(required(r.getKey(), "a matchExpressions key"), LabelSelector.Operator.valueOf(op),
          values.toArray(String[]::new)));
    }
    return Optional.of(b.build());
  }

  /** {@code value}, or an {@link IllegalArgumentException} naming {@code what} when it is null. */
  private static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }
}
