package dev.aiinfra.sandbox.model.cgroup;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.MemoryReservationPolicy;
import dev.aiinfra.core.model.validation.Violations;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * What decides the cgroup v2 files of a pod besides the pod: the container runtime and its version
 * (which shares → {@code cpu.weight} mapping it uses), the Kubernetes minor version (Memory QoS
 * rules and defaults), and the kubelet options that matter (CFS quota, period, Memory QoS,
 * throttling factor, reservation policy, node allocatable, page size, pod PIDs limit,
 * single-process OOM kill).
 *
 * <p>The cluster-wide part comes from the {@link ClusterProfile} that every other policy reads:
 * {@link #builder(ClusterProfile)}. Minors before 1.34, which the profile does not model, can be set
 * here directly for the cgroup rules of older kubelets (1.27 on).
 */
@Value.Immutable
public abstract class CgroupSettings implements WithCgroupSettings {
  private static final Pattern RUNTIME = Pattern.compile("(runc|crun):(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  /** {@code runc:1.3.2}, {@code crun:1.23}, … */
  @Value.Default
  public String runtime() {
    return "runc:1.3.2";
  }

  /** Kubernetes minor version (1.x). */
  @Value.Default
  public int kubernetesMinor() {
    return 37;
  }

  /** The MemoryQoS feature gate: beta and on by default from 1.37, alpha and off before. */
  @Value.Default
  public boolean memoryQos() {
    return kubernetesMinor() >= 37;
  }

  /** The PodLevelResources feature gate (KEP-2837): beta and on by default from 1.34, alpha and off before. */
  @Value.Default
  public boolean podLevelResources() {
    return kubernetesMinor() >= 34;
  }

  /** {@code memoryThrottlingFactor}: 0.9 by default before 1.37, unset (no {@code memory.high}) from 1.37. */
  public abstract OptionalDouble memoryThrottlingFactor();

  @Value.Default
  public MemoryReservationPolicy memoryReservationPolicy() {
    return MemoryReservationPolicy.None;
  }

  @Value.Default
  public boolean cpuCfsQuota() {
    return true;
  }

  @Value.Default
  public long cpuCfsQuotaPeriodMicros() {
    return 100_000;
  }

  /** Node allocatable memory, bytes; caps {@code memory.high} for containers without a limit. */
  public abstract OptionalLong nodeAllocatableMemory();

  @Value.Default
  public long pageSize() {
    return 4096;
  }

  /** Kubelet {@code podPidsLimit}; −1 = unlimited. */
  @Value.Default
  public long podPidsLimit() {
    return -1;
  }

  @Value.Default
  public boolean singleProcessOomKill() {
    return false;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Settings for a node of the profile's cluster: its Kubernetes minor, Memory QoS (the {@code
   * MemoryQoS} gate, on by default from 1.37), {@code memoryReservationPolicy} and OCI runtime
   * ({@code runc}/{@code crun}; {@code runc:1.3.2} when the profile names none). The kubelet options
   * the profile does not carry keep their defaults and can be set on the returned builder.
   */
  public static Builder builder(ClusterProfile profile) {
    Builder b = builder();
    b.kubernetesMinor(profile.kubernetesVersion().minor())
        .memoryQos(profile.memoryQos())
        .memoryReservationPolicy(profile.memoryReservationPolicy())
        .podLevelResources(profile.isEnabled(dev.aiinfra.core.model.profile.FeatureGate.PodLevelResources));
    profile.containerRuntime().ifPresent(r -> b.runtime(r.toString()));
    return b;
  }

  /** True when the runtime maps shares to weight quadratically (runc ≥ 1.3.2, crun ≥ 1.23). */
  public boolean quadraticWeight() {
    Matcher m = RUNTIME.matcher(runtime());
    if (!m.matches()) {
      return true;
    }
    int major = Integer.parseInt(m.group(2));
    int minor = Integer.parseInt(m.group(3));
    int patch = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
    if (m.group(1).equals("runc")) {
      return major > 1 || (major == 1 && (minor > 3 || (minor == 3 && patch >= 2)));
    }
    return major > 1 || (major == 1 && minor >= 23);
  }

  /** The throttling factor in effect: the configured one, or the version's default. */
  public OptionalDouble effectiveThrottlingFactor() {
    if (memoryThrottlingFactor().isPresent()) {
      return memoryThrottlingFactor();
    }
    return kubernetesMinor() >= 37 ? OptionalDouble.empty() : OptionalDouble.of(0.9);
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (!RUNTIME.matcher(runtime()).matches()) {
      v.invalid(FieldPath.of("runtime"), runtime(), "must be runc:X.Y[.Z] or crun:X.Y[.Z]");
    }
    if (kubernetesMinor() < 27 || kubernetesMinor() > 37) {
      v.invalid(FieldPath.of("kubernetesVersion"), "1." + kubernetesMinor(), "supported: 1.27 to 1.37");
    }
    memoryThrottlingFactor().ifPresent(f -> {
      if (!(f > 0 && f <= 1)) {
        v.invalid(FieldPath.of("memoryThrottlingFactor"), f, "must be in (0, 1]");
      }
    });
    if (memoryReservationPolicy() == MemoryReservationPolicy.TieredReservation && kubernetesMinor() < 36) {
      v.invalid(FieldPath.of("memoryReservationPolicy"), memoryReservationPolicy(), "needs Kubernetes 1.36 or later");
    }
    if (cpuCfsQuotaPeriodMicros() < 1000 || cpuCfsQuotaPeriodMicros() > 1_000_000) {
      v.invalid(FieldPath.of("cpuCfsQuotaPeriod"), cpuCfsQuotaPeriodMicros(), "must be between 1ms and 1s");
    }
    if (pageSize() < 1 || Long.bitCount(pageSize()) != 1) {
      v.invalid(FieldPath.of("pageSize"), pageSize(), "must be a power of two");
    }
    nodeAllocatableMemory().ifPresent(m -> {
      if (m < 0) {
        v.invalid(FieldPath.of("nodeAllocatable.memory"), m, "must not be negative");
      }
    });
    if (podPidsLimit() == 0 || podPidsLimit() < -1) {
      v.invalid(FieldPath.of("podPidsLimit"), podPidsLimit(), "must be -1 (unlimited) or positive");
    }
    v.throwIfAny();
  }

  /** Builder for {@link CgroupSettings}. */
  public static final class Builder extends ImmutableCgroupSettings.Builder {}
}
