package dev.aiinfra.sandbox.model.pss;

import dev.aiinfra.core.model.profile.KubernetesVersion;
import dev.aiinfra.core.model.profile.ClusterProfile;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Pod Security policy version ({@code pod-security.kubernetes.io/enforce-version}): {@code latest}
 * or {@code v1.<minor>}. Versions newer than the newest check change are evaluated as that newest
 * version, like upstream. {@link #of(ClusterProfile)} is the version admission applies on the
 * profile's cluster.
 */
public final class PodSecurityVersion implements Comparable<PodSecurityVersion> {
  /** The newest policy version with a check change (v1.37 adds two sysctls). */
  public static final int NEWEST_MINOR = 37;

  private static final Pattern FORMAT = Pattern.compile("^v1\\.([0-9]|[1-9][0-9]*)$");
  private static final PodSecurityVersion LATEST = new PodSecurityVersion(-1);

  private final int minor;

  private PodSecurityVersion(int minor) {
    this.minor = minor;
  }

  public static PodSecurityVersion latest() {
    return LATEST;
  }

  public static PodSecurityVersion of(int minor) {
    if (minor < 0) {
      throw new IllegalArgumentException("policy version v1." + minor + " is not a version");
    }
    return new PodSecurityVersion(minor);
  }

  /**
   * The version a check for a cluster of {@code version} defaults to: Pod Security Admission in a
   * 1.N API server evaluates {@code latest} as policy v1.N, so that is what the cluster enforces
   * when a namespace names no version.
   */
  public static PodSecurityVersion forCluster(KubernetesVersion version) {
    return of(version.minor());
  }

  /**
   * The version Pod Security admission applies on the profile's cluster: its {@link
   * ClusterProfile#podSecurityVersion()} ({@code v1.<minor>} of its Kubernetes version unless set),
   * with {@code latest} read as the API server reads it, its own minor.
   */
  public static PodSecurityVersion of(ClusterProfile profile) {
    PodSecurityVersion v = parse(profile.podSecurityVersion()).orElseGet(PodSecurityVersion::latest);
    return v.isLatest() ? of(profile.kubernetesVersion().minor()) : v;
  }

  /** {@code latest} or {@code v1.N}; anything else is empty (upstream evaluates it as latest). */
  public static Optional<PodSecurityVersion> parse(String text) {
    if ("latest".equals(text)) {
      return Optional.of(LATEST);
    }
    Matcher m = FORMAT.matcher(text == null ? "" : text);
    if (!m.matches()) {
      return Optional.empty();
    }
    // Upstream accepts any minor that fits a 64-bit integer; every minor past the newest check
    // change evaluates as that change, so a larger one is kept as Integer.MAX_VALUE.
    long minor;
    try {
      minor = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of(of((int) Math.min(minor, Integer.MAX_VALUE)));
  }

  public boolean isLatest() {
    return minor < 0;
  }

  /** The minor version the checks run at: {@code latest} and newer versions clamp to {@link #NEWEST_MINOR}. */
  public int effectiveMinor() {
    return minor < 0 ? NEWEST_MINOR : Math.min(minor, NEWEST_MINOR);
  }

  /** {@code latest} or {@code v1.N}, as written in the namespace label. */
  public String label() {
    return minor < 0 ? "latest" : "v1." + minor;
  }

  @Override
  public int compareTo(PodSecurityVersion o) {
    return Integer.compare(effectiveMinor(), o.effectiveMinor());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PodSecurityVersion && ((PodSecurityVersion) o).minor == minor;
  }

  @Override
  public int hashCode() {
    return Objects.hash(minor);
  }

  @Override
  public String toString() {
    return label();
  }
}
