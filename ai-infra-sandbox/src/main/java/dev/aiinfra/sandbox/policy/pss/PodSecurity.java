package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.model.pss.PodSecurityView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a pod against a Pod Security Standards level and policy version, as Pod Security
 * Admission does ({@code k8s.io/pod-security-admission/policy}): baseline runs the baseline checks;
 * restricted runs the restricted checks plus the baseline checks that no running restricted check
 * replaces. Every check runs; the verdict lists every failure in registry order (baseline IDs sorted,
 * then restricted IDs sorted). A volume with no source is evaluated as the {@code emptyDir} API
 * defaulting makes it.
 */
public final class PodSecurity {
  /** Registry order: baseline IDs sorted, then restricted IDs sorted (byte order, like Go's sort). */
  private static final List<Check> REGISTRY = List.of(
      new AppArmorProfile(),
      new CapabilitiesBaseline(),
      new HostNamespaces(),
      new HostPathVolumes(),
      new HostPorts(),
      new HostProbesAndHostLifecycle(),
      new Privileged(),
      new ProcMount(false),
      new SeLinuxOptions(),
      new SeccompProfileBaseline(),
      new Sysctls(),
      new WindowsHostProcess(),
      new AllowPrivilegeEscalation(),
      new CapabilitiesRestricted(),
      new ProcMount(true),
      new RestrictedVolumes(),
      new RunAsNonRoot(),
      new RunAsUser(),
      new SeccompProfileRestricted());

  private static final List<List<Check>> BASELINE = table(PodSecurityLevel.BASELINE);
  private static final List<List<Check>> RESTRICTED = table(PodSecurityLevel.RESTRICTED);

  private PodSecurity() {}

  public static PodSecurityVerdict evaluate(PodSecurityView pod, PodSecurityLevel level, PodSecurityVersion version) {
    Objects.requireNonNull(pod, "pod");
    Subject subject = new Subject(pod);
    int minor = version.effectiveMinor();
    List<PodSecurityViolation> violations = new ArrayList<>();
    for (Check c : checks(level, minor)) {
      Optional<PodSecurityViolation> v = c.check(subject, minor);
      v.ifPresent(violations::add);
    }
    return new PodSecurityVerdict(level, version, violations);
  }

  /** The check IDs that run at this level and version, in registry order. */
  public static List<String> checkIds(PodSecurityLevel level, PodSecurityVersion version) {
    return checks(level, version.effectiveMinor()).stream().map(Check::id).toList();
  }

  private static List<Check> checks(PodSecurityLevel level, int minor) {
    switch (level) {
      case BASELINE:
        return BASELINE.get(minor);
      case RESTRICTED:
        return RESTRICTED.get(minor);
      default:
        return List.of();
    }
  }

  private static List<List<Check>> table(PodSecurityLevel level) {
    List<List<Check>> byMinor = new ArrayList<>();
    for (int minor = 0; minor <= PodSecurityVersion.NEWEST_MINOR; minor++) {
      byMinor.add(List.copyOf(select(level, minor)));
    }
    return List.copyOf(byMinor);
  }

  private static List<Check> select(PodSecurityLevel level, int minor) {
    Set<String> replaced = new HashSet<>();
    if (level == PodSecurityLevel.RESTRICTED) {
      for (Check c : REGISTRY) {
        if (c.level() == PodSecurityLevel.RESTRICTED && c.sinceMinor() <= minor) {
          c.overrides().ifPresent(replaced::add);
        }
      }
    }
    List<Check> out = new ArrayList<>();
    for (Check c : REGISTRY) {
      boolean atLevel = c.level() == PodSecurityLevel.BASELINE || level == PodSecurityLevel.RESTRICTED;
      if (atLevel && c.sinceMinor() <= minor && !replaced.contains(c.id())) {
        out.add(c);
      }
    }
    return out;
  }
}
