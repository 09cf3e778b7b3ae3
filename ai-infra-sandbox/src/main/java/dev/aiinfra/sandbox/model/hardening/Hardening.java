package dev.aiinfra.sandbox.model.hardening;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The settings the hardening preset writes into a sandbox pod so it meets Pod Security
 * {@code restricted}: each one is a switch, each lands as a plain field in the rendered YAML, and
 * none overrides a value the user set (the policy reports such a conflict instead).
 */
@Value.Immutable
public abstract class Hardening implements WithHardening {
  /** Pod {@code securityContext.runAsNonRoot: true}. */
  @Value.Default
  public boolean runAsNonRoot() {
    return true;
  }

  /**
   * Pod {@code securityContext.runAsUser}/{@code runAsGroup}/{@code fsGroup}: a fixed non-root UID so
   * images that default to root still start under {@code runAsNonRoot}; empty leaves the image's user.
   */
  public abstract Optional<Long> runAsUser();

  /** Pod {@code securityContext.seccompProfile.type: RuntimeDefault}. */
  @Value.Default
  public boolean seccompRuntimeDefault() {
    return true;
  }

  /** Every container {@code capabilities.drop: [ALL]}. */
  @Value.Default
  public boolean dropAllCapabilities() {
    return true;
  }

  /** Every container {@code allowPrivilegeEscalation: false}. */
  @Value.Default
  public boolean noPrivilegeEscalation() {
    return true;
  }

  /** Every container {@code readOnlyRootFilesystem: true}. */
  @Value.Default
  public boolean readOnlyRootFilesystem() {
    return true;
  }

  /** With a read-only root: an {@code emptyDir} volume {@code tmp} mounted at {@code /tmp} in every container. */
  @Value.Default
  public boolean writableTmp() {
    return true;
  }

  /** {@code automountServiceAccountToken: false}: untrusted code gets no API credentials. */
  @Value.Default
  public boolean noServiceAccountToken() {
    return true;
  }

  /**
   * {@code hostUsers: false} (user namespaces, KEP-127). Empty means "when supported": the cluster's
   * {@code UserNamespacesSupport} gate is on and the runtime is not a VM runtime.
   */
  public abstract Optional<Boolean> userNamespace();

  /** The full preset. */
  public static Hardening restricted() {
    return builder().build();
  }

  /** Every switch off: nothing is added. */
  public static Hardening none() {
    return builder().runAsNonRoot(false).seccompRuntimeDefault(false).dropAllCapabilities(false).noPrivilegeEscalation(false)
        .readOnlyRootFilesystem(false).writableTmp(false).noServiceAccountToken(false).userNamespace(false).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Hardening}. */
  public static final class Builder extends ImmutableHardening.Builder {}
}
