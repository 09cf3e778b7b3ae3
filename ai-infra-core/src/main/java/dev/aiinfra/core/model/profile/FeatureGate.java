package dev.aiinfra.core.model.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes feature gates ai-infra's renderers and policies depend on, with their stage and
 * default per release, as in kube's versioned feature table ({@code pkg/features/kube_features.go}).
 * Sources: DOMAIN.md {@code domain/workload-cgroup-dns.md} §1.1–§3 and {@code domain/dra.md} §1.
 */
public enum FeatureGate {
  // Workload-aware scheduling (KEP-4671 and follow-ups)
  GenericWorkload(at(35, FeatureStage.ALPHA, false), at(37, FeatureStage.BETA, false)),
  GangScheduling(at(35, FeatureStage.ALPHA, false), merged(37)),
  OpportunisticBatching(at(35, FeatureStage.BETA, true)),
  TopologyAwareWorkloadScheduling(at(36, FeatureStage.ALPHA, false)),
  WorkloadAwarePreemption(at(36, FeatureStage.ALPHA, false), merged(37)),
  WorkloadWithJob(at(36, FeatureStage.ALPHA, false)),
  DRAWorkloadResourceClaims(at(36, FeatureStage.ALPHA, false), at(37, FeatureStage.BETA, false)),
  CompositePodGroup(at(37, FeatureStage.ALPHA, false)),
  PodGroupPreemptionPolicy(at(37, FeatureStage.ALPHA, false)),
  // In-place container restart (KEP-5307, KEP-5532)
  ContainerRestartRules(at(34, FeatureStage.ALPHA, false), at(35, FeatureStage.BETA, true)),
  /** KEP-5532 beta in 1.36 per kep.yaml; the 1.36 default is not verified upstream (assumed on). */
  RestartAllContainersOnContainerExits(
      at(35, FeatureStage.ALPHA, false), at(36, FeatureStage.BETA, true)),
  // Node: cgroup v2 memory QoS (KEP-2570)
  MemoryQoS(at(34, FeatureStage.ALPHA, false), at(37, FeatureStage.BETA, true)),
  KubeletCgroupDriverFromCRI(locked(34)),
  /** Pod-level resources (KEP-2837): alpha in 1.32, beta and on by default since 1.34. */
  PodLevelResources(at(34, FeatureStage.BETA, true)),
  UserNamespacesSupport(at(34, FeatureStage.BETA, true)),
  // Pod index label (KEP-4017) and DNS search validation
  PodIndexLabel(locked(34)),
  RelaxedDNSSearchValidation(locked(34)),
  // Dynamic Resource Allocation (domain/dra.md §1)
  DynamicResourceAllocation(locked(34)),
  DRAPrioritizedList(at(34, FeatureStage.BETA, true), at(36, FeatureStage.GA, true)),
  DRAAdminAccess(at(34, FeatureStage.BETA, true), locked(36)),
  DRAResourceClaimDeviceStatus(at(34, FeatureStage.BETA, true), at(37, FeatureStage.GA, true)),
  DRADeviceTaints(at(34, FeatureStage.ALPHA, false), at(36, FeatureStage.BETA, true), at(37, FeatureStage.GA, true)),
  DRAPartitionableDevices(at(34, FeatureStage.ALPHA, false), at(36, FeatureStage.BETA, true)),
  DRAConsumableCapacity(at(34, FeatureStage.ALPHA, false), at(36, FeatureStage.BETA, true)),
  DRADeviceBindingConditions(at(34, FeatureStage.ALPHA, false), at(36, FeatureStage.BETA, true)),
  DRAExtendedResource(at(34, FeatureStage.ALPHA, false), at(36, FeatureStage.BETA, true), locked(37)),
  DRAListTypeAttributes(at(36, FeatureStage.ALPHA, false));

  /** One row of the versioned table: from {@code sinceMinor} on, the gate has this stage and default. */
  record Spec(int sinceMinor, FeatureStage stage, boolean defaultValue, boolean locked, boolean removed) {}

  private final List<Spec> specs;

  FeatureGate(Spec... specs) {
    this.specs = List.of(specs);
  }

  private static Spec at(int minor, FeatureStage stage, boolean defaultValue) {
    return new Spec(minor, stage, defaultValue, false, false);
  }

  private static Spec locked(int minor) {
    return new Spec(minor, FeatureStage.GA, true, true, false);
  }

  /** Folded into another gate (e.g. into GenericWorkload in 1.37): the name is no longer recognised. */
  private static Spec merged(int minor) {
    return new Spec(minor, FeatureStage.DEPRECATED, false, false, true);
  }

  private Optional<Spec> specAt(KubernetesVersion version) {
    Spec found = null;
    for (Spec s : specs) {
      if (s.sinceMinor() <= version.minor()) {
        found = s;
      }
    }
    return found == null || found.removed() ? Optional.empty() : Optional.of(found);
  }

  /** Whether the gate exists in that release (a kubelet or API server would accept its name). */
  public boolean existsIn(KubernetesVersion version) {
    return specAt(version).isPresent();
  }

  /** The default in that release; {@code false} when the gate does not exist there. */
  public boolean defaultIn(KubernetesVersion version) {
    return specAt(version).map(Spec::defaultValue).orElse(false);
  }

  public Optional<FeatureStage> stageIn(KubernetesVersion version) {
    return specAt(version).map(Spec::stage);
  }

  /** GA and locked to its default: setting it to anything else is refused. */
  public boolean lockedIn(KubernetesVersion version) {
    return specAt(version).map(Spec::locked).orElse(false);
  }

  /** Case-sensitive lookup, like component flags; empty for a name ai-infra does not model. */
  public static Optional<FeatureGate> named(String name) {
    return Arrays.stream(values()).filter(g -> g.name().equals(name)).findFirst();
  }
}
