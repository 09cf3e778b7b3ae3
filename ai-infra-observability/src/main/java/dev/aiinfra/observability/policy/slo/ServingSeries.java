package dev.aiinfra.observability.policy.slo;

import dev.aiinfra.observability.model.engine.ServingLabels;
import dev.aiinfra.observability.model.slo.ServingSlo;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The label matchers that pick one serving deployment's series out of everything Prometheus
 * scrapes: the namespace (a target label the Prometheus Operator sets) and the workload and role
 * labels the monitors' relabelings write from the pods' labels. A role of a LeaderWorkerSet-style
 * deployment is its own workload ({@code <name>-decode}); a DisaggregatedSet's roles share one
 * workload and differ in {@code role}. Sorted, so the same deployment
 * always renders the same text.
 */
final class ServingSeries {
  static final String WORKLOAD = ServingLabels.WORKLOAD;
  static final String ROLE = ServingLabels.ROLE;
  static final String SERVING = ServingLabels.SERVING;
  static final String SLO = ServingLabels.SLO;

  private ServingSeries() {}

  /** Matchers for every pod of the deployment. */
  static String all(ServingSlo slo) {
    return "namespace=\"" + slo.namespace() + "\"," + WORKLOAD + oneOf(slo.workloads());
  }

  /** Matchers for the pods whose latency the client sees. */
  static String clientFacing(ServingSlo slo) {
    String m = "namespace=\"" + slo.namespace() + "\"," + WORKLOAD + oneOf(slo.clientFacingWorkloads());
    return slo.clientFacingRole().map(r -> m + "," + ROLE + "=\"" + r + "\"").orElse(m);
  }

  /** Matchers for the deployment's recorded series. */
  static String recorded(ServingSlo slo) {
    return SERVING + "=\"" + slo.name() + "\"";
  }

  private static String oneOf(Collection<String> values) {
    TreeSet<String> sorted = new TreeSet<>(values);
    return sorted.size() == 1 ? "=\"" + sorted.first() + "\"" : "=~\"" + String.join("|", sorted) + "\"";
  }
}
