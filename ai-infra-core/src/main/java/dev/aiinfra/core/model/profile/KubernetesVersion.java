package dev.aiinfra.core.model.profile;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes minor release such as 1.36. ai-infra targets 1.34 to 1.37; patch levels are accepted
 * on input ({@code v1.36.3}) and ignored, because API shapes and gate defaults change per minor.
 */
public final class KubernetesVersion implements Comparable<KubernetesVersion> {
  public static final KubernetesVersion V1_34 = new KubernetesVersion(34);
  public static final KubernetesVersion V1_35 = new KubernetesVersion(35);
  public static final KubernetesVersion V1_36 = new KubernetesVersion(36);
  public static final KubernetesVersion V1_37 = new KubernetesVersion(37);
  public static final KubernetesVersion OLDEST = V1_34;
  public static final KubernetesVersion NEWEST = V1_37;
  /** The default target (DOMAIN.md "Decisions already taken"). */
  public static final KubernetesVersion DEFAULT = V1_36;

  private static final Pattern SYNTAX = Pattern.compile("v?1\\.(\\d{1,3})(?:\\.\\d{1,4})?(?:[-+].*)?");
  private final int minor;

  private KubernetesVersion(int minor) {
    this.minor = minor;
  }

  /** Every supported version, oldest first. */
  public static java.util.List<KubernetesVersion> supported() {
    java.util.List<KubernetesVersion> out = new java.util.ArrayList<>();
    for (int m = OLDEST.minor; m <= NEWEST.minor; m++) {
      out.add(of(m));
    }
    return out;
  }

  /** Parses {@code 1.36}, {@code v1.36} or {@code v1.36.3}; rejects versions ai-infra does not model. */
  public static KubernetesVersion parse(String text) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
    FieldPath field = FieldPath.of("kubernetesVersion");
    if (!m.matches()) {
      throw new InvalidSpecException(
          List.of(FieldViolation.invalid(field, text, "must look like 1.36 (major.minor)")));
    }
    return of(Integer.parseInt(m.group(1)));
  }

  public static KubernetesVersion of(int minor) {
    if (minor < OLDEST.minor || minor > NEWEST.minor) {
      throw new InvalidSpecException(
          List.of(
              FieldViolation.invalid(
                  FieldPath.of("kubernetesVersion"),
                  "1." + minor,
                  "supported versions are 1." + OLDEST.minor + " to 1." + NEWEST.minor)));
    }
    return new KubernetesVersion(minor);
  }

  public int minor() {
    return minor;
  }

  public boolean atLeast(int otherMinor) {
    return minor >= otherMinor;
  }

  @Override
  public int compareTo(KubernetesVersion other) {
    return Integer.compare(minor, other.minor);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KubernetesVersion v && v.minor == minor;
  }

  @Override
  public int hashCode() {
    return minor;
  }

  @Override
  public String toString() {
    return "1." + minor;
  }
}
