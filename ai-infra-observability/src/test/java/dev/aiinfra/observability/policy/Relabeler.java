package dev.aiinfra.observability.policy;

import dev.aiinfra.observability.model.monitor.Relabeling;
import dev.aiinfra.observability.model.workload.PodLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-side model of Prometheus target relabeling (relabel.Process) for the actions the SDK
 * writes: Kubernetes SD's pod meta labels, anchored regexes, {@code ${n}} expansion, an empty
 * result deleting the label, keep/drop ending the target.
 */
final class Relabeler {
  private Relabeler() {}

  /** The SD labels of a pod: {@code __meta_kubernetes_pod_label_<sanitised>} for each pod label. */
  static Map<String, String> discovered(Map<String, String> podLabels) {
    Map<String, String> m = new TreeMap<>();
    podLabels.forEach((k, v) -> m.put(PodLabels.metaLabel(k), v));
    return m;
  }

  /** The labels after {@code rules}, or empty when a keep/drop removed the target. */
  static Optional<Map<String, String>> apply(Map<String, String> labels, List<Relabeling> rules) {
    Map<String, String> m = new TreeMap<>(labels);
    for (Relabeling r : rules) {
      List<String> values = new ArrayList<>();
      r.sourceLabels().forEach(s -> values.add(m.getOrDefault(s, "")));
      String joined = String.join(r.separator(), values);
      Matcher matcher = Pattern.compile("^(?:" + r.regex() + ")$").matcher(joined);
      boolean matches = matcher.matches();
      switch (r.action()) {
        case KEEP -> {
          if (!matches) {
            return Optional.empty();
          }
        }
        case DROP -> {
          if (matches) {
            return Optional.empty();
          }
        }
        case REPLACE -> {
          if (matches) {
            String value = expand(matcher, r.replacement());
            if (value.isEmpty()) {
              m.remove(r.targetLabel().orElseThrow());
            } else {
              m.put(r.targetLabel().orElseThrow(), value);
            }
          }
        }
        default -> throw new AssertionError("the model does not cover " + r.action());
      }
    }
    return Optional.of(m);
  }

  private static String expand(Matcher matcher, String replacement) {
    StringBuilder out = new StringBuilder();
    Matcher refs = Pattern.compile("\\$\\{(\\d+)\\}|\\$(\\d+)").matcher(replacement);
    int last = 0;
    while (refs.find()) {
      out.append(replacement, last, refs.start());
      int group = Integer.parseInt(refs.group(1) != null ? refs.group(1) : refs.group(2));
      String v = group <= matcher.groupCount() ? matcher.group(group) : "";
      out.append(v == null ? "" : v);
      last = refs.end();
    }
    return out.append(replacement.substring(last)).toString();
  }
}
