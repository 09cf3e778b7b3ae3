package dev.aiinfra.core.model.profile;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * The target cluster's shape as renderers and policies need it: Kubernetes minor version, feature
 * gates (release defaults plus overrides, as set with {@code --feature-gates}), node runtime
 * versions, the kubelet's Memory QoS settings (KEP-2570: the {@code MemoryQoS} gate and {@code
 * memoryReservationPolicy}) and the Pod Security Standards version admission applies. Renderers
 * pick API versions from it, e.g. {@code scheduling.k8s.io/v1alpha1} Workload on 1.35 and {@code
 * v1alpha2} on 1.36; the cgroup rules ({@code CgroupSettings.builder(profile)}) and Pod Security
 * ({@code PodSecurityVersion.of(profile)}) read the same profile, so one Kubernetes version means
 * one thing everywhere.
 */
@Value.Immutable
public abstract class ClusterProfile implements WithClusterProfile {
  private static final List<String> OCI_RUNTIMES = List.of("runc", "crun");
  private static final List<String> CRI_RUNTIMES = List.of("containerd", "cri-o");
  private static final java.util.regex.Pattern PSS_VERSION = java.util.regex.Pattern.compile("latest|v1\\.(0|[1-9][0-9]*)");

  @Value.Default
  public KubernetesVersion kubernetesVersion() {
    return KubernetesVersion.DEFAULT;
  }

  /** Gates set explicitly; everything else takes the release default. */
  public abstract Map<FeatureGate, Boolean> featureGateOverrides();

  /** Node runtime components (CRI runtime, OCI runtime), e.g. {@code containerd:2.1}, {@code runc:1.3.2}. */
  public abstract List<RuntimeVersion> runtimes();

  /** Kubelet {@code memoryReservationPolicy}; {@code TieredReservation} needs 1.36 or later. */
  @Value.Default
  public MemoryReservationPolicy memoryReservationPolicy() {
    return MemoryReservationPolicy.None;
  }

  /**
   * The Pod Security Standards version admission evaluates at when a namespace names none ({@code
   * pod-security.kubernetes.io/enforce-version}): {@code latest} on an API server is its own minor,
   * so the default is {@code v1.<minor>} of {@link #kubernetesVersion()}; {@code latest} or {@code
   * v1.N} when set.
   */
  @Value.Default
  public String podSecurityVersion() {
    return "v1." + kubernetesVersion().minor();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Kubernetes 1.36 with release-default gates and no runtime information. */
  public static ClusterProfile defaults() {
    return builder().build();
  }

  public static ClusterProfile of(KubernetesVersion version) {
    return builder().kubernetesVersion(version).build();
  }

  /** Whether the gate is on: the override when one is set, else the release default. */
  public boolean isEnabled(FeatureGate gate) {
    if (!gate.existsIn(kubernetesVersion())) {
      return false;
    }
    return featureGateOverrides().getOrDefault(gate, gate.defaultIn(kubernetesVersion()));
  }

  /** Every gate that exists in this release with its effective value, by name. */
  public Map<String, Boolean> effectiveFeatureGates() {
    Map<String, Boolean> gates = new TreeMap<>();
    for (FeatureGate gate : FeatureGate.values()) {
      if (gate.existsIn(kubernetesVersion())) {
        gates.put(gate.name(), isEnabled(gate));
      }
    }
    return Collections.unmodifiableMap(gates);
  }

  /** The runtime component with that name ({@code runc}, {@code crun}, {@code containerd}...). */
  public Optional<RuntimeVersion> runtime(String name) {
    return runtimes().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The OCI runtime that writes container cgroups ({@code runc} or {@code crun}), when given. */
  public Optional<RuntimeVersion> containerRuntime() {
    return runtimes().stream().filter(r -> OCI_RUNTIMES.contains(r.name())).findFirst();
  }

  /** The CRI runtime the kubelet talks to ({@code containerd} or {@code cri-o}), when given. */
  public Optional<RuntimeVersion> criRuntime() {
    return runtimes().stream().filter(r -> CRI_RUNTIMES.contains(r.name())).findFirst();
  }

  /** Whether Memory QoS is on: the {@code MemoryQoS} gate as set, else its default (alpha and off before 1.37, beta and on from 1.37). */
  public boolean memoryQos() {
    return isEnabled(FeatureGate.MemoryQoS);
  }

  /**
   * Parses {@code A=true,B=false} as the {@code --feature-gates} flag does and returns a copy with
   * those overrides added. Unknown names, gates missing from this release, non-boolean values and
   * attempts to turn off a locked GA gate are all reported together.
   */
  public ClusterProfile withFeatureGates(String flag) {
    Map<FeatureGate, Boolean> overrides = new EnumMap<>(FeatureGate.class);
    overrides.putAll(featureGateOverrides());
    List<FieldViolation> violations = new ArrayList<>();
    FieldPath field = FieldPath.of("featureGates");
    if (flag != null && !flag.isBlank()) {
      for (String pair : flag.split(",")) {
        String entry = pair.trim();
        if (entry.isEmpty()) {
          continue;
        }
        int eq = entry.indexOf('=');
        if (eq <= 0) {
          violations.add(FieldViolation.invalid(field, entry, "must be NAME=true or NAME=false"));
          continue;
        }
        String name = entry.substring(0, eq).trim();
        String value = entry.substring(eq + 1).trim();
        Optional<FeatureGate> gate = FeatureGate.named(name);
        if (!value.equals("true") && !value.equals("false")) {
          violations.add(FieldViolation.invalid(field.key(name), value, "must be true or false"));
        } else if (gate.isEmpty()) {
          violations.add(
              FieldViolation.of(
                  field.key(name),
                  dev.aiinfra.core.model.FieldErrorType.NotSupported,
                  name,
                  "unrecognized feature gate; known gates: " + String.join(", ", knownGateNames())));
        } else {
          overrides.put(gate.get(), Boolean.parseBoolean(value));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidSpecException(violations);
    }
    return withFeatureGateOverrides(overrides);
  }

  private static List<String> knownGateNames() {
    List<String> names = new ArrayList<>();
    for (FeatureGate g : FeatureGate.values()) {
      names.add(g.name());
    }
    Collections.sort(names);
    return names;
  }

  @Value.Check
  protected void check() {
    List<FieldViolation> violations = new ArrayList<>();
    KubernetesVersion v = kubernetesVersion();
    if (memoryReservationPolicy() == MemoryReservationPolicy.TieredReservation && !v.atLeast(36)) {
      violations.add(FieldViolation.invalid(FieldPath.of("memoryReservationPolicy"), memoryReservationPolicy(),
          "needs Kubernetes 1.36 or later (this profile is " + v + ")"));
    }
    if (!PSS_VERSION.matcher(podSecurityVersion()).matches()) {
      violations.add(FieldViolation.invalid(FieldPath.of("podSecurityVersion"), podSecurityVersion(), "must be latest or v1.<minor>, e.g. v1.36"));
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < runtimes().size(); i++) {
      if (names.contains(runtimes().get(i).name())) {
        violations.add(FieldViolation.of(FieldPath.of("runtimes").index(i), dev.aiinfra.core.model.FieldErrorType.Duplicate,
            runtimes().get(i).name(), "one version per runtime component"));
      }
      names.add(runtimes().get(i).name());
    }
    for (Map.Entry<FeatureGate, Boolean> e : featureGateOverrides().entrySet()) {
      FeatureGate gate = e.getKey();
      FieldPath path = FieldPath.of("featureGates").key(gate.name());
      if (!gate.existsIn(v)) {
        violations.add(
            FieldViolation.of(
                path,
                dev.aiinfra.core.model.FieldErrorType.NotSupported,
                gate.name(),
                "feature gate does not exist in Kubernetes " + v));
      } else if (gate.lockedIn(v) && e.getValue() != gate.defaultIn(v)) {
        violations.add(
            FieldViolation.of(
                path,
                dev.aiinfra.core.model.FieldErrorType.Forbidden,
                "cannot set feature gate " + gate.name() + " to " + e.getValue()
                    + ": it is GA and locked to " + gate.defaultIn(v) + " in Kubernetes " + v));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidSpecException(violations);
    }
  }

  /** Builder for {@link ClusterProfile}. */
  public static final class Builder extends ImmutableClusterProfile.Builder {}
}
