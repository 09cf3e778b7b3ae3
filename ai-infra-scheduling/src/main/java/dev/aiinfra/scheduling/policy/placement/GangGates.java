package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.scheduling.model.Gang;
import java.util.ArrayList;
import java.util.List;

/**
 * The feature gates kube-scheduler needs to treat the gangs as gangs: the Workload API
 * ({@code GenericWorkload}, and {@code GangScheduling} before 1.37; KEP-4671) and topology-aware
 * workload scheduling ({@code TopologyAwareWorkloadScheduling}). With a gate off the scheduler still
 * runs, placing the pods one by one or ignoring the topology constraint, so these are warnings.
 */
public final class GangGates {
  /** Code of every warning: a gate the gangs need is off in the profile. */
  public static final String GATE_OFF = "GATE_OFF";

  private GangGates() {}

  /** A warning per gate that {@code gangs} need and {@code profile} has off, in a stable order. */
  public static List<Diagnostic> check(boolean usesWorkloadApi, List<Gang> gangs, ClusterProfile profile) {
    List<Diagnostic> out = new ArrayList<>();
    if (usesWorkloadApi && !profile.isEnabled(FeatureGate.GenericWorkload)) {
      out.add(warning("Workload gangs need feature gate GenericWorkload"
          + (profile.kubernetesVersion().minor() < 37 ? " and GangScheduling" : "") + ", off by default in Kubernetes " + profile.kubernetesVersion()
          + "; without it the pods are scheduled one by one"));
    }
    boolean topology = gangs.stream().anyMatch(g -> g.topologyKey().isPresent());
    if (topology && !profile.isEnabled(FeatureGate.TopologyAwareWorkloadScheduling)) {
      out.add(warning("schedulingConstraints.topology needs feature gate TopologyAwareWorkloadScheduling (off in Kubernetes "
          + profile.kubernetesVersion() + ")"));
    }
    return out;
  }

  private static Diagnostic warning(String message) {
    return Diagnostic.builder().code(GATE_OFF).severity(Severity.WARNING).path("featureGates").message(message).build();
  }
}
