package dev.aiinfra.sandbox.policy.pss;

import java.util.Objects;

/**
 * One failed Pod Security check: the upstream check ID ({@code runAsNonRoot},
 * {@code seccompProfile_restricted}, …), upstream's short reason and the detail naming the pod or
 * containers and fields at fault.
 */
public record PodSecurityViolation(String check, String reason, String detail) {
  public PodSecurityViolation {
    Objects.requireNonNull(check);
    Objects.requireNonNull(reason);
    Objects.requireNonNull(detail);
  }

  /** {@code reason (detail)}, as in the admission message. */
  public String message() {
    return detail.isEmpty() ? reason : reason + " (" + detail + ")";
  }
}
